"""Countries an actor takes from its context, not its own words: the one state its sentence's places name
(``context_country``), the dateline's (``home``), the state or organization that "the country" / "the
group" refers back to (``country_anaphor``), or the state of a town or region named as a role's modifier
(``place_owner``).

Module functions of :class:`volte.coding.actors.ActorResolver`, given the matches and people they read.
``Owner`` is whose a role is (the resolver's owners are built as these too); ``CONTEXT_ROLES`` are the roles
that take a context country.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from volte.coding.actor_dictionary import ADJ, ORG, SEAT, STATE
from volte.coding.actor_phrases import after_first_name
from volte.coding.actor_syntax import ANTECEDENT_WINDOW, in_reporting_subject, is_stance
from volte.coding.gazetteer import REGION_SUFFIXES, city_population, listed_region
from volte.coding.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from volte.coding.actor_dictionary import Entry
    from volte.coding.actor_mentions import Match
    from volte.coding.setting import ArticleSetting

# Generic groups that are clearly national: with no owner in their phrase they take the one country that the
# sentence places events in ("riot police detained dozens *in Minsk*", "gunmen ... *in northwestern Nigeria*").
# Not MIL, GOV or REF: soldiers, envoys and refugees are often abroad.
CONTEXT_ROLES = frozenset("COP CVL REB CRM LAB AGR EDU OPP".split())
LOCATIVE_PREPS = words("context_prepositions")
COUNTRY_NOUNS = words("actors_country_nouns")
GROUP_NOUNS = words("actors_group_nouns")
NOT_LOCAL = words("actors_not_local")
PLACE_NOUNS = words("place_part_nouns")


@dataclass(frozen=True)
class Owner:
    """Whose a role is (a state, an organization, a person's group) and the tokens that name it."""

    code: str  # ISO-3 of a state, or the full code of an organization / grouped person
    is_org: bool
    start: int
    end: int
    entry: str


def context_country(
    head: Token, match_at: dict[int, Match], person_at: dict[int, Entry], setting: ArticleSetting | None
) -> Owner | None:
    """The one state that the sentence's places name ("in Minsk", "in southern Nigeria's Kaduna state").

    A possessive ("its citizens") says the owner is elsewhere; places inside a subject of another verb
    ("officials *in Nairobi* said") describe the speaker, not the event.
    """
    if head.lemma_.lower() in NOT_LOCAL or any(child.dep_ == "poss" for child in head.children):
        return None  # hostages, migrants, tourists are often foreigners
    found: dict[str, Owner] = {}
    for token in head.sent:
        if (
            token.dep_ != "pobj"
            or token.head.lower_ not in LOCATIVE_PREPS
            or in_reporting_subject(token.head, head)
        ):
            continue
        place = _place_country(token, match_at, person_at)
        if place is not None:  # "in *Niger* State": a state's name inside a region's is the region's
            place = region_owner(token.doc[place.start], setting) or place
        place = place or _gazetteer_country(token, setting)
        if place is not None:
            found.setdefault(place.code, place)
    return next(iter(found.values())) if len(found) == 1 else None


def home(head: Token, match: Match, setting: ArticleSetting | None) -> Owner | None:
    """The dateline's country, for a local role its sentence does not place ("NAIROBI, Kenya - *Police*
    opened fire": KENCOP); not for people often abroad (hostages, migrants), nor through a possessive."""
    home = setting.home if setting is not None else None
    if home is None or head.lemma_.lower() in NOT_LOCAL or any(c.dep_ == "poss" for c in head.children):
        return None
    return Owner(home, False, match.start, match.end, f"dateline:{home}")


def _gazetteer_country(token: Token, setting: ArticleSetting | None, *, region: bool = False) -> Owner | None:
    """The country of a place the gazetteer reads at this token ("in *Kupwara* District": IND); with
    ``region``, only of a region."""
    place = setting.place_at(token) if setting is not None else None
    if place is None or (region and place.feature != "region"):
        return None
    return Owner(place.country, False, token.i, token.i + 1, f"place:{place.name}")


def region_owner(token: Token, setting: ArticleSetting | None) -> Owner | None:
    """The state of a region the gazetteer reads around a state's name ("*Niger* State" is Nigeria's, "New
    *Mexico*" a US state), which the name's own state must yield to; None where no region is read there."""
    return _gazetteer_country(token, setting, region=True)


# A town names the state of a role it modifies ("*Rangpur* police") only when it is a city this large and is not
# naming a region of its own ("*Gedo* region"); a region the gazetteer lists always does ("*Kerala* police").
OWNER_CITY_POPULATION = 100_000
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})


def place_owner(token: Token, setting: ArticleSetting | None) -> Owner | None:
    """The state of a town or region the gazetteer reads at a modifier of a role noun ("*Kerala* police",
    "the *Sindh* government"), when that state is clear: a region the gazetteer lists (US states,
    regions.yml), or a city of at least ``OWNER_CITY_POPULATION`` that no other state of its sentence
    contradicts (docs/actors.md, "Places as owners")."""
    if setting is None or token.dep_ not in _MODIFIER_DEPS or not token.text[:1].isupper():
        return None
    place = setting.place_at(token)
    if place is None or place.feature == "country":
        return None
    span = token.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    if place.feature == "region" and not listed_region(place):
        return None  # "*Ipi village*", "*Delta State*": the region around a town that shares the name
    if place.feature == "city":
        after = token.doc[span.end].lower_ if span.end < len(token.doc) else ""
        if after in REGION_SUFFIXES or after == "area" or city_population(place) < OWNER_CITY_POPULATION:
            return None  # "*Gedo* region": a town's name for another place; or a small town's
        if any(p.country not in ("", place.country) for p in setting.places(token.sent)):
            return None  # "*Ipi* village in ... North Waziristan": a same-named town elsewhere
    return Owner(place.country, False, span.start, span.end, f"place:{place.name}")


def _place_country(token: Token, match_at: dict[int, Match], person_at: dict[int, Entry]) -> Owner | None:
    """The state a place phrase names: a state or capital, or a place noun with a state modifier."""
    candidates = [token]
    if (
        token.lemma_.lower() in PLACE_NOUNS
    ):  # "the southern *Philippine* city", "*Nigeria's* Kaduna state"
        candidates += [c for c in token.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
        candidates += [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ]  # "a district *of Mali*"
    for inner in candidates:
        if inner.i != token.i and inner.dep_ == "pobj":
            place = _place_country(inner, match_at, person_at)
            if place is not None:
                return place
            continue
        match = match_at.get(inner.i)
        named = match.of_kind(STATE, ADJ, SEAT) if match is not None else None
        if (
            named is not None
            and match is not None
            and not is_stance(inner)
            and inner.i not in person_at
        ):
            country = named.entry.country
            return (
                Owner(country, False, match.start, match.end, named.entry.id)
                if len(country) == 3
                else None
            )
    return None


def country_anaphor(
    token: Token,
    doc: Doc,
    matches: list[Match] | None,
    match_at: dict[int, Match],
    person_at: dict[int, Entry],
    published: date | None,
) -> Owner | None:
    """ "the country", "the kingdom": the state named most recently before (within the pronoun window);
    "the group", "the alliance", "the bloc": the organization named most recently before."""
    lemma = token.lemma_.lower()
    kinds = (STATE, ADJ, SEAT) if lemma in COUNTRY_NOUNS else (ORG,) if lemma in GROUP_NOUNS else None
    if kinds is None or token.i in match_at:
        return None
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
        c.dep_ in ("amod", "compound", "nmod", "prep", "poss", "nummod") for c in children
    ):
        return None  # "the neighbouring country", "the country of ..."
    for match in reversed(matches or []):
        if match.end > token.i:
            continue
        if token.i - match.start > ANTECEDENT_WINDOW:
            return None
        named = match.of_kind(*kinds)
        if named is None or match.start in person_at or is_stance(doc[match.start]):
            continue
        if named.kind == ORG:
            code = named.entry.code_on(published)[0]
            if len(code) > 3:  # not a region
                return Owner(code, True, token.left_edge.i, token.i + 1, f"anaphor:{named.entry.id}")
        elif len(named.entry.country) == 3 and not after_first_name(match, doc, match_at):
            return Owner(
                named.entry.country, False, token.left_edge.i, token.i + 1, f"anaphor:{named.entry.id}"
            )
    return None
