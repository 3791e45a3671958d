"""Who the words of an event's sides name: ``EventSides`` (one per sentence and match) resolves a pattern
slot's heads to actors (``side``), placing a bare role by the title, owner, partitive, quoted speaker or
"both countries" the sentence gives, and an act's owner (``possessor``); with the small actor-list functions
the event modules share (``known_actors``, ``countryless``, ``distinct``) and the roles they test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from volte.coding.actor_syntax import inside_person_name, is_stance
from volte.coding.actors import NON_STATE, ActorResolver, ResolvedActor, is_countryless
from volte.coding.event_acts import COERCIVE_ACTS, VIOLENT_ACTS, named_doer
from volte.coding.lexicon import words
from volte.coding.quotes import QuoteTracker
from volte.coding.setting import ArticleSetting
from volte.coding.triggers import is_time, participle_agents

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class EventSides:
    """Reads the actors that the words of one sentence name, for the sides of its events."""

    def __init__(
        self,
        doc: Doc,
        resolver: ActorResolver,
        speaker: tuple[list[ResolvedActor], QuoteTracker],
        *,
        setting: ArticleSetting,
    ) -> None:
        self.doc, self.resolver, self.setting = doc, resolver, setting
        self.speaker, self.quotes = speaker

    def side(self, heads: tuple[int, ...], on: date | None, *, speaker: int | None) -> list[ResolvedActor]:
        """The actors named by the first of ``heads`` that names any (``speaker``: who says it, a token index)."""
        for i in heads:
            token = self.doc[i]
            if self.setting.in_dateline(token):
                continue  # "NAIROBI, Kenya (AP) -" says where the story was filed, not who acted
            if self.speaker and token.lower_ in _FIRST_PERSON and self.quotes.inside(i):
                return list(self.speaker)
            found = known_actors(self.resolver.resolve(token, on=on))
            # a role or name without a country ("---REB", "---") is the last resort: "the *U.S.* Treasury"
            # and "Hamas's *fighters*" place it first
            actors = (
                (found if not all(map(countryless, found)) else [])
                or self._titled(token, on)
                or self._both(token, on)
            )
            if not actors and speaker is not None and _may_refer(token, self.doc[speaker]):
                actors = known_actors(self.resolver.resolve(self.doc[speaker], on=on))  # "Iran said *it* would ..."
            if not actors and speaker is not None:
                actors = self._speakers_own(token, speaker, on)  # "Putin said *his country* would ..."
            partitive = self._partitive(token, on) or self._coordinated_modifiers(token, actors, on)
            if len({a.code for a in partitive}) > len({a.code for a in actors}) and not (
                found and all(map(countryless, partitive))
            ):  # "negotiators *from Israel and Hamas*": both sides; "the *Department* of Transportation"
                actors = partitive  # is itself the actor, not its unknown "of" phrase
            if not actors and token.pos_ == "NOUN":
                actors = self.possessor(token, on)
            actors = actors or found
            if all(a.code == "---GOV" for a in actors):  # "*critics, including the EU,*": the named members act
                actors = self._included(token, on) or actors  # ("rebel groups, including ..." stay rebels)
            if not all(map(countryless, actors)):  # "Yugoslav army and special police *troops*": one side
                actors = [a for a in actors if not countryless(a)]
            if actors:
                return actors
        return []

    def possessor(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """An act or thing named by its owner or author: "an investigation into *Iran's* crackdown",
        "condemned *Russia's* attack", "dismissed an offer *by South Korea's president*". Pronouns are left
        out ("raised *its* alert level" names no target)."""
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        owners += [
            p
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "by"
            for p in prep.children
            if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")
        ]
        # "the resolution *proposed by* the Security Council" (not "workers *employed by* X", an actor)
        agents = [p for c in token.children for p in participle_agents(c) if p.pos_ in ("PROPN", "NOUN")]
        if agents and not self.resolver.resolve(token, on=on):
            owners += agents
        if not owners and token.pos_ == "NOUN":
            # "condemned the act of aggression and the threats *made by* the United States": a participle after
            # coordinated acts names the doer of them all (not a possessor: "the attack and *Russia's* reply")
            owners = [
                p
                for conj in token.conjuncts
                if conj.i > token.i and conj.pos_ == "NOUN"
                for clause in conj.children
                for p in participle_agents(clause)
                if p.pos_ in ("PROPN", "NOUN")
            ]
        return [actor for owner in owners for actor in known_actors(self.resolver.resolve(owner, on=on))][:1]

    def _speakers_own(self, token: Token, speaker: int, on: date | None) -> list[ResolvedActor]:
        """ "Putin said *his country* would not lift the ban", "the minister said *her government* ...": the
        state (or its government) of the speaker, named by the phrase."""
        role = _OWN_STATE_NOUNS.get(token.lemma_.lower())
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES), None)
        if owner is None or role is None:
            return []
        found = [a for a in known_actors(self.resolver.resolve(self.doc[speaker], on=on)) if not countryless(a)]
        if not found or len(found[0].code) < 3:
            return []
        start, end = self.doc[owner.i].idx, token.idx + len(token.text)
        return [
            ResolvedActor(
                code=found[0].code[:3] + role,
                name=self.doc.text[start:end],
                start=start,
                end=end,
                entry=found[0].entry,
            )
        ]

    def _included(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """The named members of a group that names no country itself: "*critics*, including the European
        Commission", "several *governments*, including France and Italy". Not people counted among a crowd
        ("dozens of people, including three Americans": the group is not the Americans)."""
        members = [
            m
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "including"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for m in (pobj, *pobj.conjuncts)
        ]
        found = [actor for m in members for actor in known_actors(self.resolver.resolve(m, on=on))]
        return distinct([a for a in found if not countryless(a) and not a.code.endswith("CVL")])

    def _coordinated_modifiers(
        self, token: Token, actors: list[ResolvedActor], on: date | None
    ) -> list[ResolvedActor]:
        """ "*U.S. and Philippine* troops", "*Russia and Turkey's* foreign ministers": one actor per
        coordinated country modifier or owner, with the head's role."""
        if len(actors) != 1 or not any(c.dep_ == "cc" for t in (token, *token.children) for c in t.children):
            return []
        role = actors[0].code[3:]
        out = list(actors)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        for other in [*modifiers, *(x for m in modifiers for x in m.conjuncts)]:
            found = known_actors(self.resolver.resolve(other, on=on))
            if found and len(found[0].code) >= 3 and found[0].code[:3] != actors[0].code[:3]:
                first = found[0]
                out.append(
                    ResolvedActor(
                        code=first.code[:3] + role,
                        name=first.name,
                        start=first.start,
                        end=first.end,
                        entry=first.entry,
                    )
                )
        return distinct(out) if len(out) > 1 else []

    def _partitive(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """ "a group *of Liberians*", "thousands *of Iraqi Kurds*", "members of parliament *from Kenya*"."""
        if token.pos_ not in ("NOUN", "NUM", "PRON", "PROPN") or token.lemma_.lower() in VIOLENT_ACTS:
            return []  # "the killing *of civilians*" is an act and its victims, not a part of a whole
        if token.lemma_.lower() in COERCIVE_ACTS and named_doer(token):
            return []  # "the detention *of two Canadians* by China": China's act, not a group of Canadians
        preps = (
            ("of", "from", "with")
            if token.lemma_.lower() in ("border", "frontier", "boundary")
            else ("of", "from")
        )
        if token.lemma_.lower() in _PEOPLE:
            preps = (*preps, "in", "inside")  # "civilians *in Gaza*", "refugees *in Lebanon*"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                # every object of the preposition: the parser may hang a second one beside the first
                # ("the ministers *of* the Democratic Republic of Congo and *Rwanda*")
                found = [
                    actor
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                    for actor in known_actors(self.resolver.resolve(pobj, on=on))
                ]
                if found:
                    return distinct(found)
        return []

    def _titled(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """An unknown name under a known title: "Chinese President *Xi Jinping*" takes the title's actor."""
        if token.pos_ not in ("PROPN", "NOUN"):
            return []
        for child in [*token.children, *_platform_modifiers(token)]:
            if child.i > token.i:
                break
            named = child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or token.pos_ == "PROPN")
            demonym = child.dep_ == "amod" and child.text[:1].isupper() and token.pos_ == "NOUN"
            if is_stance(child):
                continue  # "*pro-Moscow* rebels", "*Iran*-backed militias": whom they back, not whose they are
            if named or demonym:  # "a *U.S.* request", "an *Australian* ultimatum", "*Palestinian* homes"
                found = known_actors(self.resolver.resolve(child, on=on))
                place = found and found[0].entry.startswith("state:") and "#adj" not in found[0].entry
                if place and inside_person_name(self.doc, child.i, child.i + 1):
                    continue  # "*Jordan* Bardella", "*Sofia* Vergara": a first name, not a state's
                if found:
                    return [self._whole_name(found[0], token)]
        return []

    def _whole_name(self, actor: ResolvedActor, head: Token) -> ResolvedActor:
        """A title's actor named by the whole name it stands before: "*President Reagan*", "*Prime Minister
        Andrej Babis*", "*Reliance Jio*", not the title or first word alone. A common noun keeps its
        modifier's name ("a *U.S.* request")."""
        if (
            head.pos_ != "PROPN"
            or actor.start < 0
            or actor.end > head.idx + len(head.text)
            or is_time(head)
        ):
            return actor
        parts = [t.left_edge.idx for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        start = min([actor.start, *parts])
        end = head.idx + len(head.text)
        return replace(actor, name=self.doc.text[start:end], start=start, end=end)

    def _both(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """ "both countries", "the two sides/neighbours/leaders": the article's pair, not the nearest two
        actors. The first two states the article names together ("the ministers of *Congo and Rwanda*"),
        else the two it names most often up to the phrase (the one it names first wins a tie), leaving out those of the phrase's own verb's other arguments ("*Trump* praised the two
        countries"): "Abiy said Ethiopia ... had no intention of harming Somalia. He thanked *Erdogan* for
        mediating and said the two countries had agreed" is ETH and SOM, not SOM and TUR. The dateline is
        where the story was filed, not one of the pair."""
        if token.lemma_.lower() not in _PAIR_NOUNS or not any(
            c.lower_ in ("both", "two") for c in token.children
        ):
            return []
        verb = token.head
        beside = {
            a.code[:3]
            for c in verb.children
            if c.i != token.i and c.dep_ in _CO_ARGUMENTS
            for a in known_actors(self.resolver.resolve(c, on=on))
        }
        left_out = NON_STATE | beside
        seen: set[tuple[str, int]] = set()
        counts: dict[str, int] = {}
        latest: dict[str, ResolvedActor] = {}
        coordinated: list[ResolvedActor] | None = None
        for head in self.doc[: token.sent.end]:
            if head.i >= token.i:
                break
            if head.pos_ not in ("NOUN", "PROPN", "PRON") or head.dep_ == "compound":
                continue
            if self.setting.in_dateline(head):
                continue
            actors = self.side((head.i,), on, speaker=None)
            pair = {a.code[:3]: a for a in actors if not countryless(a) and a.code[:3] not in left_out}
            if len(pair) == 2 and coordinated is None:
                coordinated = list(pair.values())  # "the foreign ministers of Congo and Rwanda"
            for actor in actors:
                country = actor.code[:3]
                if (country, actor.start) in seen or countryless(actor) or country in NON_STATE:
                    continue
                seen.add((country, actor.start))
                if country in beside:
                    continue
                counts[country] = counts.get(country, 0) + 1
                latest[country] = actor
        if coordinated is None and len(counts) < 2:
            return []
        if coordinated is None:
            order = list(counts)  # first mention first
            ranked = sorted(order, key=lambda c: (-counts[c], order.index(c)))
            coordinated = sorted((latest[c] for c in ranked[:2]), key=lambda a: order.index(a.code[:3]))
        return [replace(a, entry=f"{PAIR_ENTRY}{a.entry}") for a in coordinated]


_PEOPLE = words("coder_people")
NON_STATES = words("non_state_prefixes")
_PLATFORMS = words("coder_platforms")
_FIRST_PERSON = words("coder_first_person")
_SPEAKER_PRONOUNS = words("speaker_pronouns")
PAIR_ENTRY = "pair->"  # entry prefix of the actors "the two countries" stands for
_CO_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})
_PAIR_NOUNS = words("coder_pair_nouns")


def countryless(actor: ResolvedActor) -> bool:
    """Whether the actor is a role with no known country ("---REB", "---CVL")."""
    return is_countryless(actor.code)


# "his *country*", "her *government*": the speaker's own state, or its government (EventSides._speakers_own)
_OWN_STATE_NOUNS = {"country": "", "nation": "", "government": "GOV", "administration": "GOV", "cabinet": "GOV"}
_OWN_POSSESSIVES = words("third_person_possessives")


def _may_refer(pronoun: Token, speaker: Token) -> bool:
    """Whether a pronoun in reported speech can stand for its speaker: "Iran said *it* would ...",
    "the rebels said *they* ...". A plural pronoun does not stand for one state or person ("China
    condemned the tariffs, saying *they* violated WTO rules": the tariffs)."""
    if pronoun.lower_ not in _SPEAKER_PRONOUNS:
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    return plural or pronoun.lower_ not in ("they", "their")


def _platform_modifiers(token: Token) -> list[Token]:
    """The modifiers of a weapon platform's own modifiers: "a *Syrian* air force helicopter"."""
    if token.lemma_.lower() not in _PLATFORMS:
        return []
    return [
        g
        for c in token.children
        if c.i < token.i and c.dep_ in ("compound", "nmod")
        for g in c.children
        if g.i < c.i
    ]


def known_actors(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    """The actors that have a code."""
    return [a for a in actors if a.code]


def distinct(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    """The first actor of each code, in order."""
    seen: dict[str, ResolvedActor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return list(seen.values())
