"""Hand-built coded articles for the serve tests: three short texts written for them, with events whose
character spans point at their trigger, source and target."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from volte.coding.cameo import describe
from volte.records import Article, Event, make_event_id

# Three short articles written for these tests: (id, date, url, text, events as (source, code, target,
# trigger, source name, target name)).
ARTICLES = [
    (
        "wire-0104",
        "2026-01-04",
        "https://wire.example/0104",
        "Bogota, January 4. Colombia's president accused Washington of a grave violation of sovereignty.",
        [("COLGOV", "112", "USAGOV", "accused", "Colombia's president", "Washington")],
    ),
    (
        "wire-0105",
        "2026-01-05",
        "https://post.example/0105",
        "Caracas, January 5. Venezuela's government condemned the United States before the council.",
        [("VENGOV", "111", "USA", "condemned", "Venezuela's government", "the United States")],
    ),
    (
        "wire-0107",
        "2026-01-07",
        "https://wire.example/0107",
        "Washington, January 7. After a phone call, the US president and Colombia's president agreed to meet.",
        [
            ("USAGOV", "036", "COLGOV", "agreed to meet", "the US president", "Colombia's president"),
            ("COLGOV", "036", "USAGOV", "agreed to meet", "Colombia's president", "the US president"),
        ],
    ),
]

# Where the text says an event happened (issue 13): the dateline city of the first article.
BOGOTA = {
    "place": "Bogota",
    "place_type": "city",
    "place_country": "COL",
    "place_fips": "CO",
    "place_admin1": "34",
    "place_geonameid": 3688689,
    "place_lat": 4.60971,
    "place_lon": -74.08175,
}
PLACES = {"wire-0104": BOGOTA}


def _place(doc_id: str, text: str) -> dict[str, Any]:
    place = PLACES.get(doc_id)
    if place is None:
        return {}
    start = text.index(place["place"])
    return {**place, "place_start": start, "place_end": start + len(place["place"])}


def _event(doc_id: str, day: str, text: str, spec: tuple[str, str, str, str, str, str]) -> Event:
    return fake_event(doc_id, day, text, spec, where=_place(doc_id, text))


def fake_event(
    doc_id: str, day: str, text: str, spec: tuple[str, str, str, str, str, str], *, where: dict[str, Any]
) -> Event:
    """An event as the coder would store it for ``text``'s second sentence, with the place fields ``where``."""
    source, code, target, trigger, source_name, target_name = spec
    info = describe(code)
    t_start, s_start, g_start = text.index(trigger), text.index(source_name), text.index(target_name)
    start = text.index(".") + 2
    return Event(
        event_id=make_event_id(doc_id, 1, source, target, code, t_start),
        doc_id=doc_id,
        sentence_index=1,
        sentence=text[start:],
        sentence_start=start,
        sentence_end=len(text),
        date=date.fromisoformat(day),
        date_precision="day",
        published=date.fromisoformat(day),
        source=source,
        source_name=source_name,
        target=target,
        target_name=target_name,
        code=code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        trigger=trigger,
        pattern=f"test.{code}",
        factuality="asserted",
        attributed_to=None,
        kind="news",
        coder_version="test",
        trigger_start=t_start,
        trigger_end=t_start + len(trigger),
        source_start=s_start,
        source_end=s_start + len(source_name),
        target_start=g_start,
        target_end=g_start + len(target_name),
        **where,
    )


@dataclass(frozen=True)
class Coded:
    """What the coder hands the store (volte.coding.coder.Coded's fields), built by hand here."""

    article: Article
    events: tuple[Event, ...]
    reject: None = None


def coded_articles() -> list[Any]:
    out = []
    for doc_id, day, url, text, specs in ARTICLES:
        article = Article(
            id=doc_id, text=text, url=url, title=f"Story {doc_id}", published=date.fromisoformat(day)
        )
        out.append(
            Coded(article=article, events=tuple(_event(doc_id, day, text, s) for s in specs), reject=None)
        )
    return out


class FakeCoder:
    """Stands in for the server's coder: counts the texts it is handed and codes each to no events (no spaCy
    model needed)."""

    def __init__(self) -> None:
        self.calls = 0

    def code(self, article: Article) -> Any:
        from volte.coding.coder import Coded as CoderResult

        self.calls += 1
        return CoderResult(article=article, events=(), reject=None)


# --- a TestClient over a small store with the fake coder (the HTTP hardening tests of issue 16) -------------

LOCAL = "http://127.0.0.1"  # a Host the server accepts (serve.allowed_hosts)
# Written for these tests: a short English paragraph the (fake) coder is handed.
PARAGRAPH = "Lima, March 3. Peru's president accused Ecuador of violating the border agreement."


def store_with_articles(path: Path) -> Path:
    """A store at ``path`` holding :func:`coded_articles`."""
    from volte.store.db import Store

    with Store(path) as store:
        store.ingest(coded_articles())
    return path


@contextmanager
def fake_coded_client(path: Path, *, token: str, settings: Any = None) -> Iterator[Any]:
    """A TestClient of ``create_app`` over ``path`` whose coder is a :class:`FakeCoder`."""
    import warnings

    from volte.serve.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette suggests httpx2 for its TestClient; httpx still works
        from fastapi.testclient import TestClient

    app = (
        create_app(path, token=token)
        if settings is None
        else create_app(path, settings=settings, token=token)
    )
    with TestClient(app, base_url=LOCAL) as client:
        client.app.state.coder = FakeCoder()
        yield client


def fake_coder(client: Any) -> FakeCoder:
    """The FakeCoder of a :func:`fake_coded_client`."""
    return client.app.state.coder  # type: ignore[no-any-return]
