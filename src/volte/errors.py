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


# Stable codes used across the project (documented in docs/errors.md).
E_CONFIG_BAD_DATE = "E101"
E_CONFIG_BAD_OPTION = "E102"
E_CONFIG_TOO_MANY_POINTS = "E103"
E_CONFIG_OUTPUT_PATH = "E104"
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
E_BATCH_SHARD_FAILED = "E420"
