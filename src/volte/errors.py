"""volte's error tree. Every error carries a stable code; the CLI and the API translate them once.

VolteError (E000)
├── ConfigError      E1xx  settings, options, arguments
├── IngestError      E2xx  reading and extracting articles
├── DictionaryError  E3xx  actor / verb / code dictionaries
├── CodingError      E4xx  the NLP and coding stages
├── StoreError       E5xx  the DuckDB store
└── ApiError         E6xx  HTTP API (carries an HTTP status)
    ├── BadRequest   400
    ├── Unauthorized 401
    ├── NotFound     404
    └── TooLarge     413
"""

from __future__ import annotations

from dataclasses import dataclass


class VolteError(Exception):
    """Base of every error volte raises on purpose. ``code`` is stable (``E201``)."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return self.message


class ConfigError(VolteError):
    code = "E100"


class IngestError(VolteError):
    code = "E200"


class DictionaryError(VolteError):
    code = "E300"


class CodingError(VolteError):
    code = "E400"


class StoreError(VolteError):
    code = "E500"


class ApiError(VolteError):
    code = "E600"
    status = 500


class BadRequest(ApiError):
    code = "E600"
    status = 400


class Unauthorized(ApiError):
    code = "E601"
    status = 401


class NotFound(ApiError):
    code = "E604"
    status = 404


class TooLarge(ApiError):
    code = "E613"
    status = 413


@dataclass(frozen=True)
class Code:
    """One stable code: the class raised with it (or the stage of a stored reject), what it means, the
    HTTP status the API answers with it (None where the API never does), and the message template where
    the code has one fixed wording (formatted with ``str.format``)."""

    code: str
    kind: str
    meaning: str
    status: int | None = None
    message: str | None = None


REJECT_INGEST = "reject (ingest)"
REJECT_CODING = "reject (coding)"

#: Every stable code volte raises, answers or stores, with its meaning: the one source of docs/errors.md
#: (``python tools/gen_docs.py``). A code used anywhere in ``src/volte`` must be here (tests check it).
CATALOGUE: dict[str, Code] = {
    c.code: c
    for c in (
        Code("E000", "VolteError", "an error without a more specific code (report it: it is a bug)"),
        Code("E100", "ConfigError", "a settings or option problem without a more specific code"),
        Code("E101", "ConfigError", "a date option is not `YYYY-MM-DD`"),
        Code("E102", "ConfigError", "an option or setting has a bad value (on the command line; the API answers E622 for its parameters)"),
        Code("E103", "ConfigError", "a series or a reversal scan would hold more than `store.max_points` periods (default 20,000), even after its range is cut to the stored events: narrow `since`/`until` or use weeks. The CLI exits 2; the API answers 422", 422),
        Code("E104", "ConfigError", "an output path cannot be used: its folder is missing (volte does not create it), it names a folder (or, for `volte batch --out`, a file), it is one of the inputs, or it cannot be written"),
        Code("E120", "ConfigError", "`volte batch`: the output folder holds another batch's shards or an unreadable manifest"),
        Code("E121", "ConfigError", "`volte batch`: the scheduler is unreachable or has no workers"),
        Code("E122", "ConfigError", "`volte batch`: the output folder is locked by another run"),
        Code("E130", "ConfigError", "`volte ingest --server`: the server cannot be reached, is not a volte server, or answered with an error that is not a reject (a locked store, a rate limit)"),
        Code("E131", "ConfigError", "`volte ingest --server`: no token (set VOLTE_TOKEN) or the server refused it (401)"),
        Code("E132", "ConfigError", "an optional part of volte is not installed: `volte dyad --plot` needs the `plot` extra (`pip install 'volte[plot]'`, which adds matplotlib; `make demo` installs it)"),
        Code("E200", "IngestError", "an input problem without a more specific code"),
        Code("E201", "IngestError", "an input path or glob matches nothing"),
        Code("E202", REJECT_INGEST, "empty text: nothing but whitespace or punctuation (a file, a record's `text`, a posted body)", 422,
             "no text to code (empty or only punctuation/whitespace)"),
        Code("E203", REJECT_INGEST, "binary data: a NUL byte anywhere in the input (a file, a record's `text`, a posted body)", 422,
             "binary data (a NUL byte at byte {at}): not text, HTML or JSON"),
        Code("E204", REJECT_INGEST, "not UTF-8: invalid UTF-8, or UTF-16 without a byte-order mark (UTF-16 and UTF-32 with one are decoded)", 422,
             "invalid UTF-8 at byte {at}; re-encode the file as UTF-8"),
        Code("E205", REJECT_INGEST, "malformed JSON line (the other lines are still coded)", None,
             "malformed JSON: {problem}"),
        Code("E206", REJECT_INGEST, "no text: a record without a `text` field, an HTML page without main text", 422,
             "record has no 'text'"),
        Code("E207", REJECT_INGEST, "over the size limit (`ingest.max_bytes`), rejected without reading the file", 422),
        Code("E208", REJECT_INGEST, "unsupported language (offline identifier)", 422),
        Code("E209", REJECT_INGEST, "unreadable RSS/Atom feed"),
        Code("E210", REJECT_INGEST, "malformed record (not an object, text not a string)", 422),
        Code("E211", REJECT_INGEST, "publication date before 1900-01-01 or after tomorrow (UTC): a typo or a placeholder such as 0001-01-01; `POST /api/articles` answers 422 E211", 422),
        Code("E212", REJECT_INGEST, "id or URL collision inside one run: another article already used this id or URL (the reason names both inputs; the first is kept). The same article seen twice is not a reject: it is counted as repeated"),
        Code("E300", "DictionaryError", "a dictionary problem without a more specific code"),
        Code("E301", "DictionaryError", "a dictionary file is invalid (every problem listed with file:line)"),
        Code("E302", "DictionaryError", "a dictionary file is missing"),
        Code("E400", "CodingError", "a coding problem without a more specific code"),
        Code("E401", "CodingError", "no spaCy English model installed"),
        Code("E402", REJECT_CODING, "the coder failed on one document (the batch goes on)"),
        Code("E420", "CodingError", "`volte batch`: a shard failed (recorded in the manifest; a rerun codes only that shard)"),
        Code("E500", "StoreError", "a store problem without a more specific code"),
        Code("E501", "StoreError", "the store cannot be opened: missing (for reading), a directory, not migrated (open it once for writing), or read-only for a write", 503),
        Code("E502", "StoreError", "the store is locked by another writing process (the message names it)", 503),
        Code("E503", "StoreError", "the store file is damaged (cut short, a block failing its checksum), not a DuckDB database, or a DuckDB database that is not a volte store: the message says which, and how to rebuild it", 503),
        Code("E504", "StoreError", "a query option has a bad value, or a query failed"),
        Code("E505", "StoreError", "unknown actor code (not in the store)", 404),
        Code("E506", "StoreError", "reversed or bad date range", 422),
        Code("E507", "StoreError", "malformed actor code", 422),
        Code("E600", "BadRequest", "bad request (400), e.g. a Host header outside `serve.allowed_hosts`", 400),
        Code("E601", "Unauthorized", "missing or wrong bearer token (401)", 401),
        Code("E603", "ApiError", "the dashboard's `POST /code` from another site: its Origin (or Referer) does not name this server, and no token was given (403)", 403),
        Code("E604", "NotFound", "unknown route or record (404)", 404),
        Code("E605", "ApiError", "method not allowed (405)", 405),
        Code("E613", "TooLarge", "body over `serve.max_body_bytes` (413)", 413),
        Code("E615", "ApiError", "`POST /api/articles` without a Content-Type it reads (`application/json`, `text/plain`, `text/html`; charset UTF-8 if given) (415)", 415),
        Code("E622", "ApiError", "invalid parameter or body field (422): malformed, out of bounds (`root` outside 01-20, `limit` over 1000), invalid JSON, an unsupported Content-Type", 422),
        Code("E629", "ApiError", "the dashboard's `POST /code` over `serve.code_per_minute` for this client address; `Retry-After` says when to try again (429)", 429),
        Code("E650", "ApiError", "internal error (500): a bug; the server log has the traceback", 500),
        Code("E653", "ApiError", "store unavailable (503): the store file does not exist yet", 503),
    )
}


def message(code: str, **fields: object) -> str:
    """The catalogue's message for ``code``, formatted with ``fields``."""
    template = CATALOGUE[code].message
    if template is None:
        raise KeyError(f"bug: {code} has no message template in volte.errors.CATALOGUE")
    return template.format(**fields)


# Stable codes used across the project (documented in docs/errors.md).
E_CONFIG_BAD_DATE = "E101"
E_CONFIG_BAD_OPTION = "E102"
E_CONFIG_TOO_MANY_POINTS = "E103"
E_CONFIG_OUTPUT_PATH = "E104"
E_CONFIG_MISSING_EXTRA = "E132"
E_INGEST_NOT_FOUND = "E201"
E_INGEST_EMPTY = "E202"
E_INGEST_BINARY = "E203"
E_INGEST_ENCODING = "E204"
E_INGEST_BAD_JSON = "E205"
E_INGEST_NO_TEXT = "E206"
E_INGEST_TOO_LARGE = "E207"
E_INGEST_LANGUAGE = "E208"
E_INGEST_BAD_FEED = "E209"
E_INGEST_BAD_RECORD = "E210"
E_INGEST_BAD_DATE = "E211"
E_INGEST_ID_COLLISION = "E212"
E_DICT_INVALID = "E301"
E_DICT_MISSING = "E302"
E_MODEL_MISSING = "E401"
E_CODING_FAILED = "E402"
E_STORE_OPEN = "E501"
E_STORE_LOCKED = "E502"
E_STORE_CORRUPT = "E503"
E_STORE_QUERY = "E504"
E_API_BAD_REQUEST = "E600"
E_API_UNAUTHORIZED = "E601"
E_API_FORBIDDEN = "E603"
E_API_NOT_FOUND = "E604"
E_API_METHOD = "E605"
E_API_TOO_LARGE = "E613"
E_API_MEDIA_TYPE = "E615"
E_API_INVALID = "E622"
E_API_TOO_MANY = "E629"
E_API_UNAVAILABLE = "E653"
E_API_INTERNAL = "E650"
E_STORE_UNKNOWN_ACTOR = "E505"
E_STORE_BAD_RANGE = "E506"
E_STORE_BAD_ACTOR = "E507"
E_BATCH_OUTPUT = "E120"
E_BATCH_SCHEDULER = "E121"
E_BATCH_LOCKED = "E122"
E_SERVER_UNREACHABLE = "E130"
E_SERVER_TOKEN = "E131"
E_BATCH_SHARD_FAILED = "E420"
