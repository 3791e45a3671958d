"""Incidents: whether a violent or coercive sentence reports politics, a disaster or ordinary crime.

Real news reports killings by earthquakes, explosions at chemical plants and arrests of drug smugglers in
the same words as attacks and political arrests. These checks read the sentence's words against
``rules/lexicon/incidents.yml`` and tell the coder to leave such events out (or, for people protesting who
use violence, to code a violent protest). They look at lemmas only: cheap, and explainable by one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from volte.coding.lexicon import words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span, Token

__all__ = [
    "Lexicon",
    "clash_with_protesters",
    "default_lexicon",
    "disaster_cause",
    "leftover_ordnance",
    "ordinary_crime",
    "protest_gathering",
    "protester_doer",
    "robbery",
    "weapon_code",
]

# Roles of targets that make an arrest political whatever the charge.
POLITICAL_ROLES = frozenset("GOV OPP PTY LEG JUD MED ELI REL LAB EDU NGO REB".split())
# Who does ordinary police work: police, border guards, coast guards, "authorities", troops (and a doer the
# text leaves unnamed); prosecutors and courts charging someone stay events.
POLICE_ROLES = frozenset({"COP", "GOV", "MIL", ""})


@dataclass(frozen=True)
class Lexicon:
    disasters: frozenset[str]
    attacks: frozenset[str]
    crimes: frozenset[str]
    protesters: frozenset[str]
    riots: frozenset[str]
    protests: frozenset[str]
    robberies: frozenset[str]
    leftovers: frozenset[str]
    weapons: tuple[tuple[str, frozenset[str]], ...]  # (CAMEO code, weapon words), most specific first

    @cached_property
    def munitions(self) -> frozenset[str]:
        """Explosives and shells (the 183 and 194 weapons) and ordnance: what can be left over from a war."""
        return frozenset(w for code, names in self.weapons if code in ("183", "194") for w in names) | _ORDNANCE

    @property
    def chemicals(self) -> frozenset[str]:
        """The words of chemical agents (the 2041 weapons)."""
        return next((names for code, names in self.weapons if code == "2041"), frozenset())


_ORDNANCE = frozenset({"ordnance", "munition", "munitions"})
_WORD_LISTS = ("disasters", "attacks", "crimes", "protesters", "riots", "protests", "robberies", "leftovers")
# Chemical agents and explosives are read in the whole clause, aircraft and artillery only as the
# subject, agent or instrument; the first that applies wins.
_WEAPON_ORDER = ("2041", "183", "195", "194")
_CLAUSE_WEAPONS = frozenset({"2041", "183"})


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled incident lexicon (loaded once per process)."""
    text = resources.files("volte.coding").joinpath("rules/lexicon/incidents.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    lists = {key: frozenset(str(w).lower() for w in data[key]) for key in _WORD_LISTS}
    weapons = tuple(
        (str(code), frozenset(str(w).lower() for w in words))
        for code, words in sorted(data["weapons"].items(), key=lambda item: _WEAPON_ORDER.index(item[0]))
    )
    return Lexicon(**lists, weapons=weapons)


# Generic force that a weapon can specify: use force, fight, attack, unconventional violence, bombing.
GENERIC_FORCE = frozenset({"190", "180", "183", "193", "1823"})
# Force of any kind that a chemical agent makes a chemical attack: shelling "with mortars *filled with
# chlorine*" (194), a helicopter dropping "barrel bombs *loaded with poison gas*" (195). Not abduction,
# rape, blockades or occupation.
_NOT_CHEMICAL = frozenset({"181", "1821", "191", "192", "196"})
_INSTRUMENT_PREPS = words("incidents_instrument_preps")
# Nouns of an attack whose kind its modifier names: "killed *in a grenade attack*", "wounded in *air
# strikes*", "died in a *landmine blast*".
_ATTACK_NOUNS = words("incidents_attack_nouns")
# "a *land* mine", "a *limpet* mine", "*improvised* mines": a mine laid as a weapon, not a coal mine.
_MINE_MODIFIERS = words("incidents_mine_modifiers")
_MINE_LAID = words("incidents_mine_laid")
_EXPLODING = words("incidents_exploding")
_PROPELLED = words("incidents_propelled")
# Verbs whose object is what is fired ("*fired* a rocket-propelled grenade at"), not what is hit ("shot down
# a helicopter").
_LAUNCHING = frozenset({"fire", "launch", "lob"})
# Verbs of movement: their subject (tanks, jets) names no weapon used.
_MOVEMENT = words("incidents_movement")
# Subjects of a joined clause that name no doer of its own: "a civilian was killed and *another* wounded".
_ELLIPTIC_SUBJECTS = frozenset({"PRON", "DET", "NUM"})


def _weapon_lemma(tok: Token) -> str:
    """A token's lemma, a mine laid as a weapon read as "landmine", a rocket-propelled grenade as "rpg"."""
    lemma = tok.lemma_.lower()
    if lemma == "bomber" and any(c.lemma_.lower() == "suicide" for c in tok.children):
        return "suicide-bomber"  # a person with a bomb, not an aircraft
    if lemma in ("mine", "mines") and _laid_mine(tok):
        return "landmine"
    if lemma in ("grenade", "grenades") and any(map(_propelled, _modifiers(tok))):
        return "rpg"  # "a *rocket-propelled* grenade", fired from a launcher: a rocket weapon (194)
    return lemma


def _modifiers(tok: Token) -> list[Token]:
    """A noun's modifiers, with those of the noun it modifies before it: "a *rocket-propelled* grenade
    attack" hangs "rocket-propelled" on "attack"."""
    found = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    if tok.dep_ == "compound":
        found += [c for c in tok.head.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    return found


def _laid_mine(tok: Token) -> bool:
    """A mine laid as a weapon: "a *land* mine", "a mine *planted* by rebels", "a mine *went off*"."""
    if any(c.lemma_.lower() in _MINE_MODIFIERS for c in tok.children):
        return True
    if any(c.dep_ == "acl" and c.lemma_.lower() in _MINE_LAID for c in tok.children):
        return True
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_.lower() not in _EXPLODING:
        return False
    return verb.lemma_.lower() != "go" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def _propelled(modifier: Token) -> bool:
    """ "*rocket-propelled*", "*rocket* propelled", "*rocket*": a grenade fired from a launcher."""
    return modifier.lemma_.lower() in _PROPELLED and (
        modifier.lemma_.lower() == "rocket" or any(c.lemma_.lower() == "rocket" for c in modifier.children)
    )


def _own_doer(clause: Token) -> bool:
    """Whether a joined clause has a doer of its own ("and *Thailand* sent jets"), not an elliptic victim
    ("and another [was] wounded")."""
    if clause.tag_ == "VBN":
        return False
    return any(g.dep_ == "nsubj" and g.pos_ not in _ELLIPTIC_SUBJECTS for g in clause.children)


# Places that a chemical word describes rather than a weapon used: "struck *chemical weapons facilities*".
_INSTALLATIONS = words("incidents_installations")


def _installation(tok: Token) -> bool:
    """Whether a word only describes an installation ("a *chemical* weapons *facility*")."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head is not tok:
        tok = tok.head
        if tok.lemma_.lower() in _INSTALLATIONS:
            return True
    return False


def _clause_nouns(verb: Token) -> set[str]:
    """Lemmas of a verb's own clause, verbs left out: not of a clause joined to it with a doer of its own
    ("troops clashed, and Thailand sent jets *to bomb* targets" names no bomb of the clash), nor words
    that only describe an installation ("*chemical* weapons facilities")."""
    joined = [c for c in verb.children if c.dep_ in ("conj", "parataxis")]
    other = {t.i for c in joined if _own_doer(c) for t in c.subtree}
    return {
        _weapon_lemma(t) for t in verb.subtree if t.i not in other and t.pos_ != "VERB" and not _installation(t)
    }


def _attack_nouns(verb: Token) -> list[Token]:
    """The attack nouns a killing or wounding happened in ("killed *in a grenade attack*"), also in a
    joined clause with no doer of its own ("a civilian was killed and another wounded *in a grenade
    attack*")."""
    joined = [c for c in verb.children if c.dep_ in ("conj", "parataxis") and _own_doer(c)]
    other = {t.i for c in joined for t in c.subtree}
    return [
        t
        for t in verb.subtree
        if t.i not in other
        and t.dep_ == "pobj"
        and t.head.lower_ == "in"
        and t.lemma_.lower() in _ATTACK_NOUNS
        and t.head.head.pos_ in ("VERB", "NUM")  # "killed *in* an attack", "five more injured *in* ..."
    ]


def weapon_code(code: str, trigger: Token, *, lexicon: Lexicon | None = None) -> str:
    """The code a weapon gives a generic act of force: "rockets *hit* a town" (194), "attacked *with*
    warplanes" (195), "an attack *with* poisonous gas" (2041), "killed when an *IED* detonated" (183);
    ``code`` itself when no weapon says more. Chemical agents and explosives anywhere in the clause count
    ("shells *filled with mustard agent*"); tear gas does not. Riot control (175) with a chemical agent
    ("used *chlorine* gas against the town") is a chemical attack."""
    force = code[:2] in ("18", "19") and code not in _NOT_CHEMICAL
    if code not in GENERIC_FORCE and not code.startswith("175") and not force:
        return code
    lexicon = lexicon or default_lexicon()
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ == "NOUN" else trigger
    clause = _clause_nouns(verb)
    chemical = (bool(clause & lexicon.chemicals) and "tear" not in clause) or (
        force and _chemical_nearby(verb, clause, lexicon)
    )
    if code == "194":  # missiles and rockets fired by aircraft are aerial weapons: "jets *fired missiles* at"
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        # what was launched, when drones or jets are among it: "launched a barrage *of missiles and drones*"
        fired = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        fired += [p for t in fired for prep in t.children if prep.lower_ == "of" for p in prep.children]
        doers += fired + [c for t in fired for c in t.conjuncts]
        aircraft = next((names for weapon, names in lexicon.weapons if weapon == "195"), frozenset())
        if chemical:
            return "2041"
        if clause & _GUIDED:  # "launched 59 Tomahawk *cruise* missiles": precision-guided munitions
            return "1951"
        return "195" if any(_weapon_lemma(d) in aircraft for d in doers) else code
    if code not in GENERIC_FORCE:  # riot control or a specific kind of force: only chemicals say more
        return "2041" if chemical else code
    # a moving vehicle or aircraft names no weapon used: "Israeli *tanks rolled* into Rafah"
    deps = ("compound", "amod") if verb.lemma_.lower() in _MOVEMENT else ("nsubj", "nsubjpass", "compound", "amod")
    instruments = [c for c in verb.children if c.dep_ in deps]
    if verb.dep_ == "relcl":  # "a rocket-propelled grenade *that destroyed* the station": what "that" stands for
        instruments = [verb.head if c.tag_ == "WDT" else c for c in instruments]
    if verb.lemma_.lower() in _LAUNCHING:  # what is fired: "fired *a rocket-propelled grenade* at"
        instruments += [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent") or c.lower_ == "using"):
        if prep.lower_ in _INSTRUMENT_PREPS or prep.dep_ == "agent":
            instruments += [p for p in prep.children if p.dep_ in ("pobj", "dobj")]
    attacks = _attack_nouns(verb)
    # the doer of the attack names the weapon too: "killed in bombing raids *by warplanes*"
    instruments += attacks + [
        p for a in attacks for prep in a.children if prep.lower_ == "by" for p in prep.children if p.dep_ == "pobj"
    ]
    # "hundreds *of shells*", "four lines *of tanks*": the "of" phrase of an instrument names it
    instruments += [p for t in instruments for prep in t.children if prep.lower_ == "of" for p in prep.children]
    words = {w for t in instruments for w in (_weapon_lemma(t), *(_weapon_lemma(c) for c in t.children))}
    for weapon, names in lexicon.weapons:
        if weapon == "2041":
            if chemical:
                return weapon
        elif weapon in _CLAUSE_WEAPONS:
            if clause & names:
                return weapon
        elif words & names:
            return weapon
    told = _weapons_of_the_attacks(verb.sent) | _kind_of_the_attack(verb)
    if "tear" in told:
        return code
    return next((weapon for weapon, names in lexicon.weapons if told & names), code)


def _kind_of_the_attack(verb: Token) -> set[str]:
    """The kind of an attack a neighbouring sentence names, when this clause's subject refers back to it
    ("militants launched *a chemical attack* on a neighbourhood. *The attack* hit the district on Sunday")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(
        s.lemma_.lower() in _ATTACK_SUBJECTS and any(d.lower_ in ("the", "this", "that") for d in s.children)
        for s in subjects
    ):
        return set()
    return {
        _weapon_lemma(m)
        for other in _neighbour_sentences(verb.sent)
        for noun in other
        if noun.lemma_.lower() in _ATTACK_SUBJECTS
        for m in noun.children
        if m.dep_ in ("amod", "compound")
    }


_ATTACK_SUBJECTS = words("incidents_attack_subjects")


def _weapons_of_the_attacks(sent: Span) -> set[str]:
    """Weapons a neighbouring sentence says "the attacks" were carried out with ("police posts were hit by
    synchronised attacks. *The attacks were carried out with grenades*", "the attacks, mostly *using*
    grenades, happened at 8pm")."""
    words: set[str] = set()
    for other in _neighbour_sentences(sent):
        for noun in other:
            if noun.lemma_.lower() not in _ATTACK_SUBJECTS or noun.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for tok in (*noun.head.subtree,):
                if tok.dep_ in ("pobj", "dobj") and (
                    tok.head.lower_ in ("with", "using") or tok.head.lemma_.lower() == "use"
                ):
                    words |= {_weapon_lemma(tok), *(_weapon_lemma(c) for c in tok.children)}
    return words


# Missiles that are precision-guided munitions whatever launches them (CAMEO 1951, like the pattern
# "a cruise missile strike").
_GUIDED = words("incidents_guided")
# Verbs under which a chemical agent is talked about, not used in the act at hand: "*accused* of a chemical
# attack", "*destroyed* its chemical arsenal", "an inquiry *investigating* chlorine use".
_CHEMICAL_TALK = words("incidents_chemical_talk")
# What carries a chemical agent: "the *shells* contained poisonous gas".
_CARRIERS = words("incidents_carriers")


def _chemical_words(tokens: Iterable[Token], lexicon: Lexicon) -> list[Token]:
    """Chemical agents named as used, not in talk about them nor as an installation ("tear gas" never)."""
    found = []
    for tok in tokens:
        if _weapon_lemma(tok) not in lexicon.chemicals or _installation(tok):
            continue
        if any(c.lemma_.lower() == "tear" for c in tok.head.children) or tok.head.lemma_.lower() == "tear":
            continue
        if any(a.lemma_.lower() in _CHEMICAL_TALK for a in tok.ancestors):
            continue
        found.append(tok)
    return found


def _chemical_nearby(verb: Token, clause: set[str], lexicon: Lexicon) -> bool:
    """Whether the force of ``verb`` is told with a chemical agent outside its own clause: elsewhere in its
    sentence ("suffocation caused by the use of poisonous gas by militants, *who fired shells*"), or in a
    neighbouring sentence about the same munitions ("rebels fired shells into the city. Residents suspect
    *the shells contained poisonous gas*")."""
    sent = verb.sent
    if "tear" in _lemmas(sent):
        return False
    if _chemical_words(sent, lexicon):
        return True
    carriers = clause & _CARRIERS
    for other in _neighbour_sentences(sent):
        lemmas = _lemmas(other)
        if carriers & lemmas and _chemical_words(other, lexicon) and "tear" not in lemmas:
            return True
    return False


def _neighbour_sentences(sent: Span) -> list[Span]:
    doc = sent.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    after = doc[sent.end].sent if sent.end < len(doc) else None
    return [s for s in (before, after) if s is not None]


def _lemmas(tokens: Iterable[Token], *, skip: int = -1) -> set[str]:
    return {w for t in tokens if t.i != skip for w in (t.lemma_.lower(), t.lower_, _weapon_lemma(t))}


def _neighbours(sent: Span) -> list[Token]:
    """The sentences before and after ``sent`` (a snippet's "The blasts killed 50" follows the sentence
    that says the blasts were in a chemical plant)."""
    return [t for s in _neighbour_sentences(sent) for t in s]


def disaster_cause(sent: Span, trigger: Token, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a violent or coercive event was a disaster or an accident: its subject or agent is one
    ("an earthquake *killed*", "an area *hit by* an earthquake"), or the sentence and its neighbours name
    one and nothing that attacks ("19 people were killed when their bus plunged ...", "a state of emergency
    over the fires"). The trigger itself is no evidence of attack ("struck by a bulk carrier")."""
    lexicon = lexicon or default_lexicon()
    if leftover_ordnance(sent, lexicon=lexicon):
        return True
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else trigger
    causes = [c for c in verb.children if c.dep_ == "nsubj"]
    causes += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if any(c.dep_ == "dobj" and _weapon_lemma(c) in lexicon.attacks for c in verb.children):
        causes = []  # "their truck *hit a land mine*": the vehicle is the victim

    for cause in causes:
        if _weapon_lemma(cause) in lexicon.disasters:  # "a mine *planted* by rebels" is no coal mine
            modifiers = {c.lemma_.lower() for c in cause.children}
            if not modifiers & lexicon.attacks:  # "a bomb blast killed" is an attack
                return True
    # the trigger is no evidence unless it names an attack itself ("were *attacked* with poisonous gas")
    skip = -1 if trigger.lemma_.lower() in lexicon.attacks else trigger.i
    words, around = _lemmas(sent, skip=skip), _lemmas(_neighbours(sent))
    if words & lexicon.attacks or around & lexicon.attacks:
        return False
    # what the act takes or hits is no cause: "marines *seized* an Iranian *tanker*" (tankers also spill)
    words -= {c.lemma_.lower() for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")}
    return bool(words & lexicon.disasters or around & lexicon.disasters)


def leftover_ordnance(sent: Span, *, lexicon: Lexicon | None = None) -> bool:
    """Whether the sentence's explosive is left over from an old war, an accident and no attack: "an
    *unexploded* mortar shell went off", "a *World War II* bomb exploded at a building site"."""
    lexicon = lexicon or default_lexicon()
    return any(
        _weapon_lemma(tok) in lexicon.munitions
        and any(m.lemma_.lower() in lexicon.leftovers or m.lower_ in lexicon.leftovers for m in _left_words(tok))
        for tok in sent
    )


def _left_words(noun: Token) -> list[Token]:
    """The words of a noun's phrase before it ("a *World War II* bomb")."""
    return [m for child in noun.lefts for m in child.subtree]


def ordinary_crime(sent: Span, source_code: str, target_code: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether an arrest or seizure is police work on ordinary crime: police (or nobody named) act, the
    sentence names a crime, and the people taken are not political (no government, opposition, party,
    media ... role). Prosecutors' and governments' acts stay events ("U.S. prosecutors charged two Chinese
    nationals with smuggling")."""
    lexicon = lexicon or default_lexicon()
    if source_code[3:6] not in POLICE_ROLES:
        return False
    if len(target_code) >= 6 and target_code[3:6] in POLITICAL_ROLES:
        return False
    return bool(_lemmas(sent) & lexicon.crimes)


def robbery(sent: Span, *, lexicon: Lexicon | None = None) -> bool:
    """Whether violence by someone the text does not name happened in a robbery, theft or gang crime
    ("a hand grenade exploded during an attempted *robbery* at a grocery store")."""
    lexicon = lexicon or default_lexicon()
    return bool(_lemmas(sent) & lexicon.robberies)


def protester_doer(code: str, name: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a source is people protesting ("stone-throwing *protesters*", "*rioters*", "a *mob*")."""
    if code and code[3:6] != "CVL":
        return False
    lexicon = lexicon or default_lexicon()
    words = {w.lower().rstrip("s") for w in name.split()} | {w.lower() for w in name.split()}
    return bool(words & lexicon.protesters)


# Who uses force on protesters: police, troops, the government's forces and intelligence.
STATE_FORCE_ROLES = frozenset({"COP", "MIL", "GOV", "SPY"})


def violent_protest(sent: Span, trigger: Token, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a protest turned violent: the sentence says so ("protesters *clashed* with police", "*violent*
    protests erupted", "banks *set ablaze*"). The protest trigger itself is no evidence."""
    lexicon = lexicon or default_lexicon()
    return bool(_lemmas(sent, skip=trigger.i) & lexicon.riots)


# Words that only ever name people protesting (not "students" or "supporters", who also fight in militias).
_PROTESTING = words("incidents_protesting")


def _protesting(word: Token) -> bool:
    """A word for people protesting ("demonstrators", "protesters")."""
    return word.lemma_.lower() in _PROTESTING or word.lower_.rstrip("s") in _PROTESTING


def clash_with_protesters(trigger: Token) -> bool:
    """Whether a clash is one with people protesting: they are a side of it ("clashes broke out *between
    police and demonstrators*", "troops clashed *with protesters*"), whether or not the text codes them."""
    heads = [trigger]
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ == "NOUN":
        heads.append(trigger.head)  # "clashes *broke out between* police and demonstrators"
    sides = [
        t
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("between", "with", "among")
        for t in c.subtree
        if t.dep_ in ("pobj", "conj")
    ]
    if trigger.pos_ == "VERB":
        sides += [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(map(_protesting, sides))


_CLASH_NOUNS = words("incidents_protest_clash_nouns")


def protest_clash(sent: Span, trigger: Token) -> bool:
    """Whether a clash whose sides the text does not code is a protest's: the clash is the trigger or
    the fighting it happened in ("*clashes* erupted in Baghdad as protesters...", "dozens were injured
    *in clashes* between protesters and police"), and people protesting are a side of it or the
    sentence names them. Then it is their riot (CAMEO 145)."""
    clashes = [trigger] if trigger.lemma_.lower() in _CLASH_NOUNS else []
    clashes += [
        n
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "amid")
        for n in c.children
        if n.dep_ == "pobj" and n.lemma_.lower() in _CLASH_NOUNS
    ]
    if not clashes:
        return False
    if any(clash_with_protesters(c) for c in clashes):
        return True
    return any(map(_protesting, sent))


def protest_gathering(token: Token, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a word names a protest as a gathering that force can be used on ("attacked a peaceful
    *demonstration*", "broke up the *sit-in*", "baton-charged a human *chain*")."""
    lexicon = lexicon or default_lexicon()
    if token.lemma_.lower() in _PROTEST_CAMPS:  # "a protest camp", never "an army camp"
        named = lexicon.protests | lexicon.protesters
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in named for c in token.children)
    return token.lemma_.lower() in lexicon.protests or token.lower_ in lexicon.protests


_PROTEST_CAMPS = words("incidents_protest_camps")


def force_on_protesters(
    source_code: str,
    target_code: str,
    target_name: str,
    *,
    lexicon: Lexicon | None = None,
    gathering: bool = False,
) -> bool:
    """Whether force is the state's on people protesting: police or troops as the doer, protesters,
    demonstrators or a crowd as the target ("security forces opened fire on protesters", CAMEO 175), or
    the protest itself (``gathering``: "officers attacked a peaceful demonstration")."""
    state = len(source_code) == 3 and source_code.isalpha() and source_code != "---"  # "*Israeli* attacks"
    if source_code[3:6] not in STATE_FORCE_ROLES and not state:
        return False
    return gathering or protester_doer(target_code, target_name, lexicon=lexicon)
