"""Actor resolution: which actor (CAMEO-style code) a noun phrase names, on a given date.

One ``ActorResolver`` per article. On first use it finds every dictionary name in the document (one pass,
token-tuple look-ups) and follows people through the article (introductions, surname-only mentions,
he/she pronouns): :mod:`volte.coding.actor_mentions`. ``resolve(head)`` then reads the noun phrase around a
syntactic head (with :mod:`~volte.coding.actor_phrases` and :mod:`~volte.coding.actor_syntax`): coordination
gives several actors, a role noun takes its country from an adjective, a compound, a possessive or "of X"
(else from its sentence or dateline, :mod:`~volte.coding.actor_countries`), a person's code depends on the
date, and an unknown proper noun gives the empty code (never a guess).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from volte.coding.actor_countries import (
    CONTEXT_ROLES,
    Owner,
    context_country,
    country_anaphor,
    home,
    place_owner,
    region_owner,
)
from volte.coding.actor_dictionary import (
    ADJ,
    ORG,
    ROLE,
    SEAT,
    STATE,
    SURNAME,
    ActorDictionary,
    Entry,
    Name,
    default_actors,
    fold,
)
from volte.coding.actor_mentions import ArticleMentions, Match
from volte.coding.actor_phrases import (
    FORMER_WORDS,
    MODIFIER_DEPS,
    OF_PREPS,
    after_first_name,
    destination,
    holder_role,
    is_former,
    mention_heads,
    named_before,
    shared_owner_role,
    specific_role,
    split_coordination,
    surname_like,
    with_apposed_name,
)
from volte.coding.actor_syntax import (
    PERSON_PRONOUNS,
    entity_extent,
    inside_person_name,
    is_collective,
    is_counted_people,
    is_stance,
    last_conjunct,
    period_note,
    same_title,
    share_roles,
)
from volte.coding.lexicon import words
from volte.coding.setting import ArticleSetting
from volte.nlp.pipeline import build_nlp

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token


__all__ = [
    "ActorDictionary",
    "ActorResolver",
    "ResolvedActor",
    "default_actors",
    "is_countryless",
    "lookup_actor",
]

log = logging.getLogger(__name__)

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
UNKNOWN_COUNTRY = "---"  # the country part of a role whose country the text does not give (---REB)


def is_countryless(code: str) -> bool:
    """A role with no known country: "---REB", "---CVL"."""
    return code.startswith(UNKNOWN_COUNTRY)


# A name the dictionary lacks that the parser's entity recogniser calls a person, an organization or a
# group: someone is named, who is not known (code "---"). Places (GPE) name no actor.
NAMED_ACTOR_TYPES = frozenset({"PERSON", "ORG", "NORP"})
PLURAL_PRONOUNS = frozenset("they them".split())
OTHER_PRONOUNS = words("actors_other_pronouns")
RELATIVE_PRONOUNS = words("relative_pronouns")
IN_PREPS = words("owner_prepositions")
# Who speaks for someone is theirs: "a spokesman *for* the ministry" (``ActorResolver._owner``).
SPEAKERS_FOR = words("actors_speakers_for")
OF_OR_FOR_PREPS = OF_PREPS | {"for"}
NON_STATE = words("non_state_prefixes")
# roles of a state's officials: a countryless one may belong to the institution named just before
OFFICIAL_ROLES = frozenset("GOV MIL COP SPY JUD LEG".split())
TITLE_GRACE = timedelta(days=31)  # "President X" keeps the title this long after the term (news lag)
FACILITY_NOUNS = words("actors_facility_nouns")


@dataclass(frozen=True)
class ResolvedActor:
    code: str  # "COLGOV", "USAMIL", "IGOUNO", "" when unknown
    name: str  # the text span that names the actor
    start: int  # char offset in doc.text
    end: int
    entry: str  # dictionary entry id (explains the code)


def is_government_area(head: Token) -> bool:
    """Whether a noun names a local government area, a district (Nigeria's LGAs): "Esan South-East *Local
    Government Area*", "in Jos North local government *area*"."""
    if head.lemma_.lower() != "area":
        return False
    doc = head.doc
    return any(c.lower_ == "government" and c.i > 0 and doc[c.i - 1].lower_ == "local" for c in head.children)


class ActorResolver:
    """Resolves noun phrases of one article to actors (holds the article's coreference state)."""

    def __init__(
        self,
        dictionary: ActorDictionary,
        doc: Doc,
        *,
        published: date | None,
        setting: ArticleSetting | None = None,
        spans: Iterable[Span] | None = None,
    ) -> None:
        """``setting`` (volte.coding.setting) gives the places the gazetteer reads in each sentence and the
        country of the dateline, for local roles the sentence does not place. ``spans``: the dictionary's
        names in the doc, as ``volte_actors_v1`` found them with this dictionary (``doc.spans["volte_actors"]``);
        without them the resolver finds the names itself, the same way."""
        self.dictionary = dictionary
        self._spans = list(spans) if spans is not None else None
        self.doc = doc
        self.published = published
        self.setting = setting
        self._matches: list[Match] | None = None
        self._match_at: dict[int, Match] = {}
        self._person_at: dict[int, Entry] = {}
        self._looking_back = False  # _institution_before reads the previous sentence once, not further
        self._names: dict[str, list[int]] | None = None

    # ------------------------------------------------------------------ public

    def resolve(self, token: Token, *, on: date | None) -> list[ResolvedActor]:
        """Actors of the noun phrase headed by ``token`` (coordination gives several).

        The first conjunct heads the coordination ("Colombia and the United States" -> COL, USA); a later
        conjunct passed on its own gives only its own actor.
        """
        self._prepare()
        when = on or self.published
        actors: list[ResolvedActor] = []
        conjuncts = [] if token.dep_ == "conj" else [c for c in token.conjuncts if c.i > token.i]
        if token.lower_ in PLURAL_PRONOUNS and token.i not in self._match_at:
            antecedent = self._plural_antecedent(token)
            if antecedent is not None:  # "they", "them": every actor of the antecedent phrase, named by it
                return [
                    replace(a, entry=f"pronoun->{a.entry}") for a in self.resolve(antecedent, on=on) if a.code
                ]
        split = split_coordination(token, self._match_at, self._person_at)
        if split is not None and (first := self._resolve_head(split, when)) is not None:
            actors.append(first)  # the first name the parser hung on the second
        for head in [token, *conjuncts]:
            actor = self._resolve_head(head, when)
            if actor is None:
                continue
            match = self._match_at.get(head.i)
            role = match.of_kind(ROLE) if match is not None else None
            if role is not None and actor.code and head.i not in self._person_at:
                actors += self._coordinated_owners(head, role, when)
            actors.append(actor)
        actors = shared_owner_role(token, conjuncts, actors, self.doc)
        return sorted(share_roles(actors), key=lambda a: a.start)

    def countryless_role(self, token: Token) -> str | None:
        """The role code of a local role noun that names no country and finds none in its sentence ("a
        71-year-old *man*", "a *mob*", "*gunmen*"), so the coder may place it by the other side of its
        event; None for anything else."""
        self._prepare()
        match = self._match_at.get(token.i)
        role = match.of_kind(ROLE) if match is not None and token.i not in self._person_at else None
        if role is None or role.code not in CONTEXT_ROLES or role.entry.country:
            return None
        if match is None or match.of_kind(ORG, STATE, SEAT, ADJ) is not None:
            return None
        found = self.resolve(token, on=self.published)
        return role.code if not any(a.code and not is_countryless(a.code) for a in found) else None

    def context_country(self, token: Token) -> str | None:
        """The one state that the places of ``token``'s sentence name ("protests erupted *in Lahore*"), else
        the dateline's, or None."""
        self._prepare()
        owner = context_country(token, self._match_at, self._person_at, self.setting)
        if owner is not None:
            return owner.code
        return self.setting.home if self.setting is not None else None

    def mentions(self, sent: Span) -> list[ResolvedActor]:
        """Every actor mention in a sentence with a known code (one per noun phrase, in text order)."""
        self._prepare()
        when = self.published
        found: dict[tuple[int, int], ResolvedActor] = {}
        for heads in mention_heads(sent, self.doc, self._matches, self._match_at, self._person_at):
            for head in heads:
                actor = self._resolve_head(head, when)
                if actor is not None and actor.code:
                    found.setdefault((actor.start, actor.end), actor)
                    break
        return [found[span] for span in sorted(found)]

    def _plural_antecedent(self, pronoun: Token) -> Token | None:
        """The phrase "they"/"them" stands for: the nearest earlier plural or coordinated actor phrase of the
        sentence (a subject first), not the subject of the pronoun's own verb when the pronoun is its object."""
        sent = pronoun.sent
        candidates = []
        for token in sent[: pronoun.i - sent.start]:
            if token.dep_ in ("conj", "compound", "poss", "amod", "appos") or token.pos_ not in (
                "NOUN",
                "PROPN",
            ):
                continue
            plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
            if not plural or _inside(token, pronoun) or _inside(pronoun, token):
                continue
            verb = pronoun.head
            shared = (
                verb.head
                if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children)
                else verb
            )
            own_subject = token.head.i == shared.i and token.dep_ in ("nsubj", "nsubjpass")
            if pronoun.dep_ in ("dobj", "pobj", "dative") and (token.head.i == verb.i or own_subject):
                continue  # "the police beat them", "police chased miners and beat them": not the police
            if any(a.code and not is_countryless(a.code) for a in self.resolve(token, on=self.published)):
                candidates.append(token)  # "they" stands for someone known, not "---CVL" civilians
        # a phrase nested in another candidate's phrase is its modifier ("tariffs on Chinese *vehicles*")
        candidates = [
            t
            for t in candidates
            if not any(o is not t and o.left_edge.i <= t.i <= o.right_edge.i for o in candidates)
        ]
        subjects = [t for t in candidates if t.dep_ in ("nsubj", "nsubjpass")]
        if pronoun.dep_ in ("nsubj", "nsubjpass"):  # "they had a call": not "bombing *of civilians*"
            candidates = [t for t in candidates if t.dep_ != "pobj"]
        return (subjects or candidates)[-1] if candidates else None

    # ------------------------------------------------------------------ document pass

    def _prepare(self) -> None:
        if self._matches is not None:
            return
        mentions = ArticleMentions(
            self.dictionary, self.doc, published=self.published, setting=self.setting, spans=self._spans
        )
        mentions.read()
        self._matches, self._match_at = mentions.matches, mentions.match_at
        self._person_at = mentions.person_at

    # ------------------------------------------------------------------ one noun phrase

    def _resolve_head(self, head: Token, on: date | None) -> ResolvedActor | None:
        lower = head.lower_
        if is_government_area(head):
            return None  # "Ughelli North *Local Government Area*": a district, not a government
        if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            return self._resolve_head(head.head.head, on)
        person = self._person_at.get(head.i)
        if person is not None:
            return self._person_actor(head, person, on)
        match = self._match_at.get(head.i)
        if match is None and lower in PERSON_PRONOUNS:
            titled = self._titled_antecedent(head, on)
            if titled is not None:
                return titled
        if match is None and (lower in PERSON_PRONOUNS or lower in OTHER_PRONOUNS):
            return self._actor("", head.i, head.i + 1, "pronoun:unresolved")
        named = match.of_kind(ORG, STATE, SEAT, ADJ) if match is not None else None
        if match is not None and named is not None and named.kind in (STATE, SEAT):
            if inside_person_name(self.doc, match.start, match.end):
                named = None  # "Leila de *Lima*": a person's name, not Peru's capital
        if named is not None and match is not None:
            return self._named_actor(named, match, on, head=head)
        appositive = self._appositive(head, on)
        role = match.of_kind(ROLE) if match is not None else None
        if role is not None and match is not None and not surname_like(head, match, self.doc, self._match_at):
            return appositive or with_apposed_name(head, self._role_actor(head, match, role, on), self.doc)
        anaphor = self._country_anaphor(head) if match is None else None
        if anaphor is not None and appositive is None:
            return self._actor(anaphor.code, anaphor.start, anaphor.end, anaphor.entry)
        led = self._led_by(head, on) if match is None else None
        if led is not None and appositive is None:
            return led
        found = appositive or self._titled_name(head, on) or self._introduced(head, on) or self._fallback(head)
        if found is not None and appositive is None and head.pos_ == "NOUN" and found.entry.startswith("fallback"):
            # "his *Iranian counterpart, Mostafa Najjar*": a person the dictionary lacks keeps their name
            return with_apposed_name(head, found, self.doc, people_only=True)
        return found

    def _led_by(self, head: Token, on: date | None) -> ResolvedActor | None:
        """ "the *Saudi*-led coalition", "a *US*-led force": a body the dictionary does not know is coded as the
        state or organisation named as leading it (SAU, USA); "Iran-*backed* militias" are not Iran's own, and
        a body named itself ("the US-led *NATO* alliance") is that body."""
        if any(c.dep_ == "compound" and c.i in self._match_at for c in head.children):
            return None
        for amod in head.children:
            if amod.dep_ != "amod" or amod.lemma_.lower() != "lead":
                continue
            for leader in amod.children:
                match = self._match_at.get(leader.i) if leader.dep_ in ("npadvmod", "compound", "nmod") else None
                named = match.of_kind(STATE, ADJ, ORG) if match is not None else None
                if named is not None and match is not None:
                    actor = self._named_actor(named, match, on, head=leader)
                    return replace(actor, code=actor.code[:3] if named.kind == ADJ else actor.code, entry=f"{actor.entry}#led")
        return None

    def _titled_antecedent(self, pronoun: Token, on: date | None) -> ResolvedActor | None:
        """A subject he/she whose antecedent is a person the dictionary lacks, named with a title in this or
        the previous sentence: "Rwandan Foreign Minister Olivier Nduhungirehe said ... *He* accused Kinshasa"
        takes the title's code (RWAGOV). The nearest earlier person's name decides; a person the dictionary
        knows in between is the antecedent (``ArticleMentions._follow_people``), so none is taken past it."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent = pronoun.sent
        first = sent.start
        if first > 0:
            first = self.doc[first - 1].sent.start
        for i in range(pronoun.i - 1, first - 1, -1):
            token = self.doc[i]
            if i in self._person_at:
                return None
            if token.ent_type_ != "PERSON" or token.pos_ != "PROPN" or token.dep_ == "compound":
                continue
            known = self._match_at.get(i)
            if known is not None and known.of_kind(SURNAME) is None:
                return None  # a state, seat or role: not a person the dictionary lacks
            named = self._titled_name(token, on) or self._introduced(token, on)
            if named is None or not named.code:
                return None
            if i >= sent.start:  # "Moldovan President Ilie Varnescu said *he* ...": named by the person
                start, end = entity_extent(token, i)
                return self._actor(named.code, start, end, f"pronoun->{named.entry}")
            return self._actor(named.code, pronoun.i, pronoun.i + 1, f"pronoun->{named.entry}")
        return None

    def _introduced(self, head: Token, on: date | None) -> ResolvedActor | None:
        """A bare unknown name introduced earlier with a title: "Algerian President Abdelaziz Bouteflika ...
        *Bouteflika* said" takes the title's code (the dictionary's surname rule, for people it lacks)."""
        if (
            head.pos_ != "PROPN"
            or not head.text[:1].isupper()
            or any(c.dep_ == "compound" for c in head.lefts)
        ):
            return None
        for i in self._name_tokens().get(head.text, ()):
            if i >= head.i or self.doc[i].dep_ == "compound" or i in self._person_at:
                continue
            earlier = self._titled_name(self.doc[i], on)
            if earlier is not None and earlier.code:
                return self._actor(earlier.code, head.i, head.i + 1, f"introduced:{earlier.entry}")
        return None

    def _name_tokens(self) -> dict[str, list[int]]:
        """Token indices of every capitalised proper noun, by text (built once per article)."""
        if self._names is None:
            self._names = {}
            for token in self.doc:
                if token.pos_ == "PROPN" and token.text[:1].isupper():
                    self._names.setdefault(token.text, []).append(token.i)
        return self._names

    def _country_anaphor(self, token: Token) -> Owner | None:
        """``country_anaphor`` of ``token`` in this article (volte.coding.actor_countries)."""
        return country_anaphor(
            token, self.doc, self._matches, self._match_at, self._person_at, self.published
        )

    def _named_actor(self, name: Name, match: Match, on: date | None, *, head: Token) -> ResolvedActor:
        code, period = name.entry.code_on(on) if name.kind == ORG else (name.code, None)
        entry = name.entry.id if name.kind in (ORG, STATE) else f"{name.entry.id}#{name.kind}"
        if name.kind == ADJ and len(code) == 6 and is_collective(head):
            code, entry = code[:3], f"{name.entry.id}#collective"  # "the Palestinians rejected ..."
        if name.kind == SEAT and len(code) > 3 and destination(head):
            code, entry = (
                code[:3],
                f"{name.entry.id}#place",
            )  # "arrived *in Kyiv*": the country, not its rulers
        if name.kind in (STATE, SEAT) and after_first_name(match, self.doc, self._match_at):
            code, entry = "", "unknown (a place name inside a person's name)"  # "Denzel Washington"
        return self._actor(code, match.start, match.end, entry + period_note(period))

    def _person_actor(self, head: Token, person: Entry, on: date | None) -> ResolvedActor:
        match = self._match_at.get(head.i)
        if match is None and head.lower_ in PERSON_PRONOUNS:
            # "accusing *him*": named as Mohammed bin Salman
            match = named_before(head, person, self._match_at, self._person_at)
        start, end = (match.start, match.end) if match is not None else (head.i, head.i + 1)
        code, period = person.code_on(on)
        note = period_note(period)
        if period is None and on is not None:
            titled = self._titled_code(head, person, on)
            if titled is not None:
                code, note = titled[0], f" ({titled[1]}) title-in-text"
        return self._actor(code, start, end, person.id + note)

    def _titled_code(self, head: Token, person: Entry, on: date) -> tuple[str, str] | None:
        """The text's own title ("Venezuelan President Maduro") where the dictionary has no role that day.

        Used only (a) within TITLE_GRACE after a term with that title ended (news keeps the title a while
        after a sudden end) and (b) before the person's first known role (the dictionary cannot know the
        earlier office, or the date is not the event's). Between two terms the title is honorific: never GOV.
        """
        title = self._title_of(head)
        if title is None:
            return None
        noun, actor = title
        ended = [p for p in person.periods if p.end is not None and p.end < on <= p.end + TITLE_GRACE]
        same = [p for p in ended if same_title(p.title, noun)]
        if same:
            return same[-1].code, f"{same[-1].title} until {same[-1].end}"
        first = min((p.start for p in person.periods if p.start is not None), default=None)
        if first is not None and on >= first:
            return None
        later = [p for p in person.periods if same_title(p.title, noun)]
        if later:
            return later[0].code, f"{later[0].title} from {later[0].start}"
        return (actor.code, actor.entry) if actor is not None and actor.code else None

    def _title_of(self, head: Token) -> tuple[str, ResolvedActor | None] | None:
        """The present title before a name ("President", "Colombian Foreign Minister") and its actor."""
        lefts = list(head.lefts)
        near = [*lefts, *(child for token in lefts for child in token.children)]
        if any(token.lower_ in FORMER_WORDS for token in near):
            return None
        for token in lefts:
            match = self._match_at.get(token.i)
            role = match.of_kind(ROLE) if match is not None else None
            if role is not None and match is not None and token.dep_ in ("compound", "amod", "nmod", "appos"):
                noun = fold(self.doc[match.start : match.end].text)
                return noun, self._role_actor(token, match, role, None, extra=(head,))
        return None

    def _role_actor(
        self, head: Token, match: Match, role: Name, on: date | None, *, extra: tuple[Token, ...] = ()
    ) -> ResolvedActor:
        """A role noun with its owner: "Colombian troops" COLMIL, "NATO forces" IGOWSTNAT."""
        owner = self._owner(head, match, on, extra=extra)
        role_code = "ELI" if is_former(match, extra, self.doc) else specific_role(head, role, self._match_at)
        facility = bool(extra) and role.code in ("MIL", "COP") and extra[0].lemma_.lower() in FACILITY_NOUNS
        if owner is None and (role.code in CONTEXT_ROLES and not extra or facility) and not role.entry.country:
            owner = context_country(head, self._match_at, self._person_at, self.setting) or home(
                head, match, self.setting
            )
            if owner is not None:
                return self._actor(
                    owner.code + role_code, match.start, match.end, f"{role.entry.id}+context:{owner.entry}"
                )
        if owner is None:
            alone = role.entry.country
            if not alone and not extra:
                prior = self._institution_before(head, role_code, on)
                if prior is not None:  # "Ethiopia's foreign ministry rejected ... *A spokesman* accused ..."
                    return self._actor(
                        prior.code, match.start, match.end, f"{role.entry.id}+institution:{prior.entry}"
                    )
                # "militants", "a court": the role, country unknown (PETRARCH's ---)
                return self._actor(
                    UNKNOWN_COUNTRY + role_code, match.start, match.end, role.entry.id + " (---)"
                )
            return self._actor(
                alone, match.start, match.end, role.entry.id + ("" if alone else " (no country)")
            )
        code = owner.code if owner.is_org else owner.code + role_code
        start, end = min(owner.start, match.start), max(owner.end, match.end)
        return self._actor(code, start, end, f"{role.entry.id}+{owner.entry}")

    def _institution_before(self, head: Token, role_code: str, on: date | None) -> ResolvedActor | None:
        """The institution of a countryless official, named in the previous sentence with the same role
        code: "Ethiopia's foreign ministry rejected the accusations. *A spokesman* accused Mogadishu ..." is
        ETHGOV. Only when the previous sentence names exactly one such institution (one country); the
        sentence before that is not read."""
        if self._looking_back or head.sent.start == 0 or role_code not in OFFICIAL_ROLES:
            return None
        if head.tag_ not in ("NN", "NNP"):
            return None  # one official: "the two governments", "officials" are not his institution's
        before = self.doc[head.sent.start - 1].sent
        self._looking_back = True
        try:
            found = {
                actor.code: actor
                for token in before
                if token.i in self._match_at
                and token.i not in self._person_at
                and not (self.setting is not None and self.setting.in_dateline(token))
                and token.dep_ not in ("compound", "amod", "poss")
                and (actor := self._resolve_head(token, on)) is not None
                and len(actor.code) == 3 + len(role_code)
                and actor.code.endswith(role_code)
                and not is_countryless(actor.code)
                and actor.code[:3] not in NON_STATE
            }
        finally:
            self._looking_back = False
        return next(iter(found.values())) if len(found) == 1 else None

    def _owner(
        self, head: Token, match: Match, on: date | None, *, extra: tuple[Token, ...] = ()
    ) -> Owner | None:
        """Who a role noun belongs to: a state, organization or person modifying the phrase."""
        near = [*range(match.start, match.end), *(t.i for t in extra)]
        in_phrase = [t for i in near for t in self.doc[i].children if t.i not in near]
        split = (split_coordination(t, self._match_at, self._person_at) for t in (head, *extra))
        splits = {s.i for s in split if s is not None}
        modifiers = [
            last_conjunct(t) if t.i in splits else t
            for t in in_phrase
            if t.dep_ in MODIFIER_DEPS and t.i < head.i
        ]
        owners = [o for o in (self._owner_from(t, on) for t in modifiers) if o is not None]
        if owners:  # "Colombia's ELN rebels": the group, not the state
            return next((o for o in owners if o.is_org), owners[0])
        # "a spokesman *for the European Commission*" speaks for it, as "of" would say
        of = OF_OR_FOR_PREPS if head.lemma_.lower() in SPEAKERS_FOR else OF_PREPS
        for preps in (of, IN_PREPS):
            for token in in_phrase:
                if token.dep_ != "prep" or token.lower_ not in preps:
                    continue
                for obj in token.children:
                    owner = self._owner_from(obj, on) if obj.dep_ == "pobj" else None
                    if owner is not None:
                        return owner
        return None

    def _owner_from(self, token: Token, on: date | None) -> Owner | None:
        if is_stance(token):  # "pro-Russian separatists", "Iranian-backed militias"
            return None
        person = self._person_at.get(token.i)
        match = self._match_at.get(token.i)
        if person is not None and match is not None:
            code = person.code_on(on)[0]
            grouped = code[:3] in NON_STATE or len(code) > 6
            return Owner(code if grouped else person.country, grouped, match.start, match.end, person.id)
        if match is None and (anaphor := self._country_anaphor(token)) is not None:
            return anaphor  # "the country's police"
        if match is None and (place := place_owner(token, self.setting)) is not None:
            return place  # "*Kerala* police", "the *Sindh* government": a town's or region's state
        if match is None:  # "Taliban-led", "Hamas-run": the name under the verb
            for child in token.children:
                if child.dep_ in ("compound", "amod", "poss", "npadvmod", "nmod") and child.i < token.i:
                    return self._owner_from(child, on)
            return None
        named = match.of_kind(ORG, STATE, SEAT, ADJ)
        role = match.of_kind(ROLE) if named is None and token.dep_ == "pobj" else None
        if role is not None:  # "the chief of the Russian general staff" RUSMIL
            actor = self._role_actor(token, match, role, on)
            return (
                Owner(actor.code, True, match.start, match.end, actor.entry) if len(actor.code) > 3 else None
            )
        if named is None:
            return None
        if named.kind == ORG:
            code = named.entry.code_on(on)[0]
            return Owner(code, len(code) > 3, match.start, match.end, named.entry.id)
        if named.kind == STATE and (region := region_owner(token, self.setting)) is not None:
            return region  # "villagers in *Niger* State": Nigeria's
        return Owner(named.entry.country, False, match.start, match.end, named.entry.id)

    def _coordinated_owners(self, head: Token, role: Name, on: date | None) -> list[ResolvedActor]:
        """ "Colombian and Venezuelan troops": the role again for each coordinated owner."""
        actors = []
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > head.i:
                continue
            for conj in child.conjuncts:
                owner = self._owner_from(conj, on)
                if owner is not None and conj.i < head.i:
                    code = owner.code if owner.is_org else owner.code + role.code
                    actors.append(
                        self._actor(code, owner.start, head.i + 1, f"{role.entry.id}+{owner.entry}")
                    )
        return actors

    def _titled_name(self, head: Token, on: date | None) -> ResolvedActor | None:
        """An unknown name with a role title: "Colombian senator Juan Perez" COLLEG."""
        for child in head.children:
            match = self._match_at.get(child.i)
            role = match.of_kind(ROLE) if match is not None and child.i < head.i else None
            if role is not None and match is not None and child.dep_ in ("compound", "appos", "amod", "nmod"):
                actor = self._role_actor(child, match, role, on, extra=(head,))
                end = head.idx + len(head.text)
                return ResolvedActor(
                    actor.code, self.doc.text[actor.start : end], actor.start, end, actor.entry
                )
        return None

    def _appositive(self, head: Token, on: date | None) -> ResolvedActor | None:
        """The actor an apposition names for a role or an unknown name ("Colombia's president, *Gustavo
        Petro*"); a name keeps its own words ("*Odin Sanchez*, a former Colombian congressman": the code of the
        congressman, the name of the man)."""
        for child in head.children:
            if child.dep_ == "appos":
                actor = self._resolve_head(child, on)
                if actor is not None and actor.code and not is_countryless(actor.code):
                    if (
                        head.pos_ == "PROPN"
                        and child.i > head.i
                        and head.i not in self._match_at
                        and head.ent_type_ not in PLACE_ENTITIES  # "Hamburg, *Germany*" is a place
                        and len(actor.code) > 3
                    ):
                        start = min([head.i, *(t.i for t in head.lefts if t.dep_ == "compound")])
                        span = self.doc[start : head.i + 1]
                        return replace(actor, name=span.text, start=span.start_char, end=span.end_char)
                    return actor
        return None

    def _fallback(self, head: Token) -> ResolvedActor | None:
        """Unknown head: the country of an adjective or compound in the phrase, else "" for names."""
        for child in head.children:
            if child.dep_ in ("amod", "compound", "poss") and child.i < head.i:
                match = self._match_at.get(child.i)
                kinds = (
                    (ADJ, ORG)
                    if head.pos_ == "PROPN" and child.dep_ == "compound"
                    else (STATE, ADJ, SEAT, ORG)
                )
                named = match.of_kind(*kinds) if match is not None and not is_stance(child) else None
                place = named is not None and named.kind in (STATE, SEAT)
                if place and inside_person_name(self.doc, child.i, child.i + 1):
                    named = None  # "*Jordan* Bardella"
                code = (named.entry.country or named.entry.code[:3]) if named is not None else ""
                if (
                    named is not None
                    and match is not None
                    and (named.kind != ORG or len(named.entry.code) == 3)
                ):
                    if len(code) == 3 and named.kind in (STATE, ADJ) and is_counted_people(head):
                        code += "CVL"  # "800,000 Iraqi Kurds" are people, not the state
                    elif len(code) == 3 and named.kind in (STATE, ADJ):
                        code += holder_role(head, self._match_at)  # "Albanian *rebel-held* territory" ALBREB
                    return self._actor(code, match.start, head.i + 1, f"fallback+{named.entry.id}")
        if head.pos_ == "PROPN" and head.ent_type_ in NAMED_ACTOR_TYPES and head.text[:1].isupper():
            start = min(
                (t.i for t in head.lefts if t.dep_ in ("compound", "amod") and t.ent_type_), default=head.i
            )
            start, end = entity_extent(head, start)
            return self._actor(UNKNOWN_COUNTRY, start, end, f"unknown {head.ent_type_} (---)")
        if head.pos_ == "PROPN":
            return self._actor("", head.i, head.i + 1, "unknown")
        return None

    def _actor(self, code: str, start: int, end: int, entry: str) -> ResolvedActor:
        span = self.doc[start:end]
        return ResolvedActor(code, span.text, span.start_char, span.end_char, entry)


def lookup_actor(
    phrase: str, *, on: date | None, dictionary: ActorDictionary | None = None
) -> dict[str, Any]:
    """Resolve a phrase as `volte actor` does: ``{"text", "date", "code", "entry"}``.

    Several actors (a coordination) give codes and entries joined by ``;``.
    """
    doc = build_nlp()(phrase)
    setting = ArticleSetting(doc=doc, dateline=None, reference=on)  # the places the phrase names ("Kerala police")
    resolver = ActorResolver(dictionary or default_actors(), doc, published=on, setting=setting)
    head = _phrase_head(doc)
    actors = resolver.resolve(head, on=on) if head is not None else []
    return {
        "text": phrase,
        "date": on.isoformat() if on else None,
        "code": ";".join(a.code for a in actors),
        "entry": ";".join(a.entry for a in actors),
    }


def _phrase_head(doc: Doc) -> Token | None:
    """The head noun of a phrase: the root, its subject when it is a clause, its object after a preposition."""
    roots = [t for t in doc if t.head.i == t.i]
    if not roots:
        return None
    root = roots[0]
    if root.pos_ in ("VERB", "AUX"):
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects[0] if subjects else root
    if root.pos_ == "ADP":
        objects = [c for c in root.children if c.dep_ == "pobj"]
        return objects[0] if objects else root
    return root


def _inside(token: Token, phrase: Token) -> bool:
    """Whether ``token`` lies in the subtree of ``phrase`` (a subtree is contiguous in a projective parse)."""
    return phrase.left_edge.i <= token.i <= phrase.right_edge.i
