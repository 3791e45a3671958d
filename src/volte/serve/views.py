"""Dashboard pages, rendered on the server (tables work without JavaScript; charts need it).

Home (reversals, active dyads), a dyad's timeline, an article with its events highlighted, and a page to
code a pasted text. Each view validates its input, reads the store once or twice and renders a template.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Receive, Scope, Send

from volte.analyse import shifts as detection
from volte.coding.cameo import code_table
from volte.derive.narrated import find_turns
from volte.errors import E_STORE_UNKNOWN_ACTOR, NotFound, StoreError, VolteError
from volte.ingest.extract import article_from_text
from volte.records import Article, Event, Reject
from volte.serve import charts, lookups, overview
from volte.serve.charts import QUAD_COLOURS, QUAD_LABELS
from volte.serve.errors import Invalid, status_of
from volte.serve.params import ACTOR_PATTERN, Day, Freq, PathActor, parse_day, parse_range
from volte.serve.routes import DOWNLOAD_LIMIT, EventFilters, check_token
from volte.serve.security import check_same_origin

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

DYAD_EVENTS = 500  # events listed per direction on a dyad page
SEARCH_PAGE = 50  # events per page of the search page
HOME_DAYS = 180  # the home page looks at the last 180 days of data unless another period is chosen
ROOT_NAMES = {code: info.name for code, info in code_table().items() if len(code) == 2}
PLOVER_TYPES = sorted({info.plover for info in code_table().values() if info.plover})
DYAD_DAYS = 42  # a dyad page opens on the dyad's last six weeks (``span=all`` shows everything)


class EmptyFormFields:
    """ASGI middleware: a dashboard form submitted by GET sends empty fields (``since=&q=``); drop them so
    they mean "not given" instead of failing validation. API paths keep strict parsing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api") and scope.get("query_string"):
            kept = [part for part in scope["query_string"].split(b"&") if part and not part.endswith(b"=")]
            scope = {**scope, "query_string": b"&".join(kept)}
        await self.app(scope, receive, send)


def configure(templates: Jinja2Templates) -> None:
    """Template filters and globals shared by every page."""
    templates.env.globals.update(quad_labels=QUAD_LABELS, quad_colours=QUAD_COLOURS)
    templates.env.filters["score"] = _signed
    templates.env.filters["day"] = lambda v: "" if v is None else str(v)[:10]


def _signed(value: Any) -> str:
    """+1.5 / -2.0 / 0.0 (never -0.0); empty for None."""
    if value is None:
        return ""
    rounded = round(float(value), 1)
    return "0.0" if rounded == 0 else f"{rounded:+.1f}"


def _page(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)


def _today() -> date:
    """The server's date (a function, so that a test can move it)."""
    return date.today()


HOME_PERIODS = (30, 90, 180, 365, 730)  # the home page's period choices, in days
HOME_PAIRS = 20  # dyads in the who-to-whom chart
HOME_PLACES = 300  # places on the map


@router.get("/")
def home(
    request: Request,
    days: Annotated[int, Query(ge=1, le=36_600)] = HOME_DAYS,
    since: Day = None,
    until: Day = None,
) -> Response:
    """Across dyads over a chosen period (default: the last HOME_DAYS days of data up to today): the latest
    reversals, the most active dyads, who did what to whom by quad class, events per CAMEO root and a
    world map of where events happened. ``since``/``until`` choose the period; ``days`` its length back
    from ``until`` (or from the latest event up to today)."""
    start, end = parse_range(since, until)

    def read(store: Any) -> tuple[Any, ...]:
        window = _home_window(store, days=days, since=start, until=end)
        since_, until_ = window or (None, None)
        shifts = detection.shifts(store, since=since_, until=until_, kind=None) if window else []
        dyads = lookups.top_dyads(store, limit=15, since=since_, until=until_) if window else []
        found = store.overview(since=since_, until=until_, limit=HOME_PAIRS) if window else {}
        places = store.places(since=since_, until=until_, limit=HOME_PLACES) if window else []
        return since_, until_, shifts, dyads, found, places

    # kept until the next write; today is part of the key (the default period ends at today)
    key = ("home", days, start, end, _today())
    since_, until_, shifts, dyads, found, places = request.app.state.store.memo(key, read)
    latest = sorted(shifts, key=lambda s: (str(s.get("date")), float(s.get("score") or 0)), reverse=True)[:20]
    pairs, roots = found.get("pairs", []), found.get("roots", [])
    context = {
        "shifts": latest,
        "dyads": dyads,
        "pairs": pairs,
        "roots": roots,
        "places": places,
        "since": since_,
        "until": until_,
        "days": days,
        "periods": HOME_PERIODS,
        "chosen": bool(since or until),
        "events_url": overview.events_url,
        "charts": {
            "pairs": charts.to_script_json(overview.pairs_chart(pairs)),
            "roots": charts.to_script_json(overview.roots_chart(roots, since_, until_)),
            "map": charts.to_script_json(overview.map_chart(places, since_, until_)),
        },
    }
    return _page(request, "home.html", context)


def _home_window(
    store: Any, *, days: int, since: date | None, until: date | None
) -> tuple[date, date] | None:
    """The home page's period: [since, until] when both are given; otherwise ``days`` days ending at
    ``until`` or (without it) at the latest event up to today, or starting at ``since``."""
    if since and until:
        return since, until
    if until:
        return _moved(until, -(days - 1)), until
    if since:
        return since, _moved(since, days - 1)
    return lookups.recent_window(store, days=days, today=_today())


def _moved(day: date, days: int) -> date:
    """``day`` moved by ``days``, stopping at the ends of the calendar (0001-01-01, 9999-12-31)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


SHIFT_MARGIN = 14  # days of the dyad shown on each side of a shift's windows


@router.get("/shift/{shift_id}")
def shift(
    request: Request,
    shift_id: Annotated[str, Path(pattern=r"^[A-Z-]{3}-[A-Z-]{3}-\d{4}-\d{2}-\d{2}-[a-z]+$", max_length=64)],
) -> Response:
    """One reversal: its before and after windows on the dyad chart, the evidence sentences, its score
    against the threshold and the calibration behind the threshold."""
    with request.app.state.store.reading() as store:
        found = detection.shift(store, shift_id)
        if found is None:
            raise NotFound(f"no shift with id {shift_id!r} in the store")
        first = date.fromisoformat(found["before"]["start"]) - timedelta(days=SHIFT_MARGIN)
        last = date.fromisoformat(found["after"]["end"]) + timedelta(days=SHIFT_MARGIN)
        direction = (found["source"], found["target"])
        directions = [direction, (direction[1], direction[0])]
        series = {
            d: lookups.series_or_empty(store, *d, freq="day", since=first, until=last) for d in directions
        }
    evidence = {
        side: [e for e in found.get("evidence_events", []) if e.get("side") == side]
        for side in ("before", "after")
    }
    context = {
        "shift": found,
        "evidence": evidence,
        "ratio": found["score"] / found["threshold"] if found.get("threshold") else None,
        "explain_url": f"/api/shifts/explain?source={direction[0]}&target={direction[1]}"
        f"&since={found['date']}&until={found['date']}",
        "chart": charts.to_script_json(charts.shift_chart(found, directions, series)),
    }
    return _page(request, "shift.html", context)


@router.get("/events")
def events(
    request: Request,
    filters: EventFilters,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    """Search events by actors, dates, CAMEO root and code, quad class, PLOVER type, place and words of
    their sentences; 50 a page, with download links for everything the filter matches. An actor code
    with no events is 404 with the known countries, shown above the form."""
    form = {name: request.query_params.get(name, "") for name in filters}  # as typed (event_filters' names)
    query = {name: value for name, value in form.items() if value}
    error, status = None, 200
    with request.app.state.store.reading() as store:
        try:
            rows, total = lookups.find_events(
                store, limit=SEARCH_PAGE, offset=(page - 1) * SEARCH_PAGE, **filters
            )
        except StoreError as exc:
            if exc.code != E_STORE_UNKNOWN_ACTOR:
                raise
            rows, total, error, status = [], 0, f"[{exc.code}] {exc.message}", status_of(exc)
    context = {
        "events": rows,
        "total": total,
        "form": form,
        "page": page,
        "pages": (total + SEARCH_PAGE - 1) // SEARCH_PAGE,
        "query": urlencode(query),
        "download_limit": DOWNLOAD_LIMIT,
        "roots": ROOT_NAMES,
        "plovers": PLOVER_TYPES,
        "error": error,
    }
    return _page(request, "events.html", context, status=status)


@router.get("/dyad")
def dyad_lookup(
    source: Annotated[str, Query(pattern=ACTOR_PATTERN)],
    target: Annotated[str, Query(pattern=ACTOR_PATTERN)],
) -> Response:
    """The home page's dyad form: redirect to the dyad's page."""
    return RedirectResponse(f"/dyad/{source.upper()}/{target.upper()}", status_code=303)


@router.get("/dyad/{source}/{target}")
def dyad(
    request: Request,
    source: PathActor,
    target: PathActor,
    freq: Freq = "day",
    since: Day = None,
    until: Day = None,
    span: Annotated[Literal["recent", "all"], Query()] = "recent",
) -> Response:
    """Both directions of a dyad; an actor code with no events on either side is 404 E505 naming the known
    countries (not a page of empty charts)."""
    source, target = source.upper(), target.upper()
    start, end = parse_range(since, until)
    directions = [(source, target), (target, source)]
    recent = start is None and end is None and span == "recent"

    def read(store: Any) -> tuple[date | None, dict[str, Any]]:
        first = start
        for code in (source, target):
            lookups.require_actor(store, code)
        if recent:
            first = _recent_window(store, directions)
        return first, _dyad_data(store, directions, freq=freq, since=first, until=end)

    # kept until the next write (an unknown actor raises: nothing is kept)
    start, data = request.app.state.store.memo(("dyad", source, target, freq, start, end, recent), read)
    context = {
        **data,
        "source": source,
        "target": target,
        "freq": freq,
        "since": since or "",
        "until": until or "",
        "window_start": start.isoformat() if recent and start else "",
        "window_days": DYAD_DAYS,
        "directions": directions,
        "chart": charts.to_script_json(
            charts.dyad_chart(directions, data["series"], data["shifts"], freq=freq)
        ),
    }
    return _page(request, "dyad.html", context)


def _dyad_data(
    store: Any, directions: list[tuple[str, str]], *, freq: str, since: date | None, until: date | None
) -> dict[str, Any]:
    """Both directions' series, listed events (oldest first), event totals and reversals."""
    window = {"since": since, "until": until}
    series = {d: lookups.series_or_empty(store, d[0], d[1], freq=freq, **window) for d in directions}
    events = {
        d: lookups.events_or_empty(store, source=d[0], target=d[1], limit=DYAD_EVENTS, offset=0, **window)
        for d in directions
    }
    shifts = [
        s for d in directions for s in lookups.shifts_or_empty(store, source=d[0], target=d[1], **window)
    ]
    return {
        "series": series,
        "totals": {d: events[d][1] for d in directions},
        "events": sorted(
            (e for d in directions for e in events[d][0]),
            key=lambda e: (str(e.get("date")), e.get("event_id", "")),
        ),
        "shifts": sorted(shifts, key=lambda s: str(s.get("date"))),
    }


def _recent_window(store: Any, directions: list[tuple[str, str]]) -> date | None:
    """The first day of the dyad's last DYAD_DAYS days with events (None when it has none)."""
    newest = []
    for source, target in directions:
        rows, _ = lookups.events_or_empty(store, source=source, target=target, limit=1, offset=0)
        if rows and rows[0].get("date"):
            newest.append(date.fromisoformat(str(rows[0]["date"])[:10]))
    return max(newest) - timedelta(days=DYAD_DAYS - 1) if newest else None


def _dyad_of(shift: dict[str, Any]) -> tuple[str, str]:
    return str(shift.get("source", ""))[:3], str(shift.get("target", ""))[:3]


@router.get("/article/{article_id:path}")
def article(request: Request, article_id: Annotated[str, Path(min_length=1, max_length=512)]) -> Response:
    with request.app.state.store.reading() as store:
        found = store.get_article(article_id)
    if found is None:
        raise NotFound(f"no article with id {article_id!r} in the store")
    events = list(found.get("events") or [])
    context = {"article": found, "events": events, "segments": highlight(found.get("text") or "", events)}
    return _page(request, "article.html", context)


ROLES = ("trigger", "source", "target", "place")


@dataclass(frozen=True)
class Segment:
    """A run of article text with the roles (trigger/source/target/place) and events that cover it."""

    text: str
    roles: tuple[str, ...]
    events: tuple[int, ...]


def highlight(text: str, events: Sequence[dict[str, Any]]) -> list[Segment]:
    """Cut ``text`` at every span boundary of every event; each piece knows which spans cover it."""
    spans = []
    for index, event in enumerate(events):
        for role in ROLES:
            start, end = event.get(f"{role}_start"), event.get(f"{role}_end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                spans.append((start, end, role, index))
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    segments = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s[0] <= left and right <= s[1]]
        roles = tuple(sorted({s[2] for s in covering}, key=ROLES.index))
        segments.append(Segment(text[left:right], roles, tuple(sorted({s[3] for s in covering}))))
    return segments


@router.get("/code")
def code_form(request: Request) -> Response:
    return _page(request, "code.html", {"text": "", "date": "", "title": "", "result": None})


@router.post("/code")
def code_text(
    request: Request,
    text: Annotated[str, Form(min_length=1, max_length=500_000)],
    date_: Annotated[str, Form(alias="date", max_length=10)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    token: Annotated[str, Form(max_length=1024)] = "",
) -> Response:
    """Code a pasted text and show its events; store it too when the right token is given.

    Coding costs CPU, so another site's page may not make a visitor's browser ask for it: without the
    token the request must come from this site's own form (403 E603), and each client address is limited
    to ``serve.code_per_minute`` texts (429 E629 with Retry-After), token or not."""
    if not token:
        check_same_origin(request)
    client = request.client.host if request.client else "unknown"
    request.app.state.code_limiter.check(client, setting="serve.code_per_minute")
    context: dict[str, Any] = {
        "text": text,
        "date": date_,
        "title": title,
        "result": None,
        "error": None,
        "stored": False,
    }
    status = 200
    try:
        context.update(_code_and_maybe_store(request, text=text, day=date_, title=title, token=token))
    except VolteError as exc:  # shown on the page, beside the text the user typed
        context["error"], status = f"[{exc.code}] {exc.message}", status_of(exc)
    return _page(request, "code.html", context, status=status)


def _code_and_maybe_store(request: Request, *, text: str, day: str, title: str, token: str) -> dict[str, Any]:
    published = parse_day("date", day) if day else None
    doc_id = "pasted-" + hashlib.sha1(f"{day}\x1f{text}".encode()).hexdigest()[:12]
    if token:
        check_token(request, f"Bearer {token}")
    result = article_from_text(
        text,
        doc_id=doc_id,
        published=published,
        title=title or None,
        origin="dashboard",
        settings=request.app.state.settings,
    )
    if isinstance(result, Reject):
        raise Invalid(f"text rejected: {result.reason}", code=result.code)
    coded = request.app.state.coder.code(result)
    if coded.reject is not None:
        raise Invalid(f"text could not be coded: {coded.reject.reason}", code=coded.reject.code)
    if token:
        request.app.state.store.write([coded])
    return _coded_context(result, coded.events, stored=bool(token))


def _coded_context(article: Article, events: Sequence[Event], *, stored: bool) -> dict[str, Any]:
    rows = [e.to_dict() for e in events]
    turns = [t.to_dict() for t in find_turns(events)]
    return {
        "result": {
            "article": article,
            "events": rows,
            "segments": highlight(article.text, rows),
            "turns": turns,
        },
        "stored": stored,
    }


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """Swagger UI over /openapi.json, from the vendored swagger-ui-dist (FastAPI's own page loads it from
    a CDN and starts it with an inline script, which the Content-Security-Policy refuses)."""
    return _page(request, "docs.html", {})
