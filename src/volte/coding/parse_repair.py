"""Repairs of parser errors that lose a clause's verb, made before the verb patterns read the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from volte.coding.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def repair_parse(doc: Doc) -> None:
    """Known wrong lemmas are mended first (``_LEMMAS``). Then a clause whose verb the parser hung on its subject as a participle gets its verb back: a sentence
    parsed as one noun phrase ("Nigeria's unions *threatened* on Monday to strike") or a reported clause
    parsed as a second subject of the reporting verb ("youths *resorted* to throwing stones, officials
    said"). Only a participle right after the noun that takes a clause, an object or an adverbial counts."""
    for token in doc:
        lemma = _LEMMAS.get(token.lower_)
        if lemma is not None:
            token.lemma_ = lemma
        elif token.is_sent_start and token.tag_ == "NNPS" and not token.ent_type_:
            _weapon_plural(token)
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ == "NOUN" and _verb_root(root):
            # "EU and UN *hand* over medical supplies to Nigeria", "Soldiers *fire* at protesters"
            root.pos_, root.tag_ = "VERB", "VBP"
            root.lemma_ = _CAPTION_VERBS.get(root.lower_, root.lemma_)
        if root.pos_ in ("NOUN", "PROPN"):
            _promote(root, None)
            _caption_verb(sent)
        _headline_passive(sent)
        for word in sent:
            if word.pos_ == "ADJ" and {"nsubj", "dobj"} <= {c.dep_ for c in word.children}:
                word.pos_, word.tag_ = "VERB", "VBP"  # "Protesters *light* fires during clashes": a verb
        for word in sent:
            _hyphen_passive(word)
            _following(word)
            _acronym_subject(word)
        for verb in sent:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if len(subjects) >= 2 and verb.pos_ in ("VERB", "AUX"):
                _promote(subjects[0], verb)
            _named_object(verb)
            _participle_object(verb)
            _granted_recipient(verb)
            _held_then_freed(verb)
            _out_of(verb)
            _made_clear(verb)


_NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "term", "name"})
_OUT_OF_VERBS = frozenset({"pull", "move", "march", "roll", "walk", "storm", "ship"})


def _out_of(verb: Token) -> None:
    """ "Russian troops *pulled out of* Kherson": the parser makes "out" a preposition whose only child is the
    "of" phrase, so neither the particle nor the place is found; "out" becomes the verb's particle and "of" its
    preposition, as in "pulled *back from* the front"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _OUT_OF_VERBS:
        return
    for out in [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "out" and c.i == verb.i + 1]:
        kids = list(out.children)
        if len(kids) == 1 and kids[0].dep_ == "prep" and kids[0].lower_ == "of":
            out.dep_ = "prt"
            kids[0].head = verb


def _made_clear(verb: Token) -> None:
    """ "The EU *made it clear* it will not lift the embargo", "Iran made clear that it would not halt
    enrichment": a statement of the clause, as "stated" is. The parser hangs the clause on "clear" (as an
    adverbial clause) or on "made"; it becomes the reported clause of "made", read as a saying verb (lemma
    "state"), so "would" in it is reported and "will not" a refusal stated now."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "make":
        return
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")), None)
    if clear is None or any(c.dep_ == "dobj" and c.lower_ != "it" for c in verb.children):
        return
    clauses = [c for c in clear.children if c.dep_ in ("advcl", "ccomp") and c.i > clear.i]
    clauses += [c for c in verb.children if c.dep_ == "ccomp" and c.i > clear.i]
    clauses = [c for c in clauses if c.pos_ in ("VERB", "AUX") and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
    if not clauses:
        return
    clauses[0].head, clauses[0].dep_ = verb, "ccomp"
    verb.lemma_ = "state"


def _named_object(verb: Token) -> None:
    """ "Maduro called *Trump* a criminal": the parser hangs the name on the predicate noun ("Trump a
    criminal" as one phrase, the name a modifier of "criminal") or makes it an indirect object ("branding
    *them* enemies of Turkey", with "enemies" the object); the name is the verb's object, the noun what it
    is called."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _NAMING_VERBS:
        return
    dative = next((c for c in verb.children if c.dep_ == "dative" and c.i > verb.i), None)
    predicate = next((c for c in verb.children if c.dep_ == "dobj" and dative is not None and c.i > dative.i), None)
    if dative is not None and predicate is not None:  # "branding *them* enemies": the name, then what it is
        dative.dep_, predicate.dep_ = "dobj", "oprd"
        return
    if any(c.dep_ == "dobj" for c in verb.children):
        return
    for predicate in [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "NOUN"]:
        det = next((c for c in predicate.children if c.dep_ == "det" and c.i < predicate.i), None)
        names = [
            c for c in predicate.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" and det is not None and c.i < det.i
        ]
        if names:
            # the name's own words ("Donald" of "Donald Trump") stay under it
            names[-1].head, names[-1].dep_ = verb, "dobj"


# Forms the small model's lemmatizer gets wrong where the wrong lemma is another word a pattern reads:
# "raped" -> "rap" (to criticise) coded sexual violence as criticism (issue 13); "waged" -> "wag" hid waged wars;
# "staged" -> "stag" hid staged war games and protests; "retook" stays "retook" and hid towns retaken.
_LEMMAS = {
    "retook": "retake",
    "raped": "rape",
    "raping": "rape",
    "rapes": "rape",
    "gang-raped": "rape",
    "waged": "wage",
    "waging": "wage",
    "staged": "stage",
    "staging": "stage",
}


def _acronym_subject(word: Token) -> None:
    """An organisation's acronym read as an adverb, adjective or auxiliary of the verb after it ("*USAID* provided
    shelter to ...", "*IGAD* condemned ..."): the subject of a verb that has none. Only a word of three or more
    capital letters before its verb, hung on it as advmod or aux."""
    verb = word.head
    if (
        len(word.text) < 3
        or not word.text.isalpha()
        or not word.text.isupper()
        or word.pos_ not in ("ADV", "ADJ", "AUX")
        or word.dep_ not in ("advmod", "aux")
        or verb.i <= word.i
        or verb.pos_ != "VERB"
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
    ):
        return
    word.pos_, word.tag_, word.dep_ = "PROPN", "NNP", "nsubj"


def _verb_root(noun: Token) -> bool:
    """A headline's present-tense verb tagged as a noun: a root noun with a subject and a particle or an object
    of its own ("Germany and UNICEF *hand* over 30 vehicles"), or a caption verb with a subject ("Soldiers
    *fire* at protesters")."""
    deps = {c.dep_ for c in noun.children}
    if "nsubj" not in deps:
        return False
    return noun.lower_ in _CAPTION_VERBS or (bool(deps & {"prt", "dobj"}) and noun.tag_ in ("NN", "NNS"))


def _promote(noun: Token, governor: Token | None) -> None:
    """Make the participle after ``noun`` its verb: the root (no governor) or a clause of ``governor``."""
    doc = noun.doc
    if noun.i + 1 >= len(doc):
        return
    verb = doc[noun.i + 1]
    if (
        verb.head.i != noun.i
        or verb.dep_ != "acl"
        or verb.tag_ not in ("VBN", "VBD")
        or not any(c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "npadvmod") for c in verb.children)
        or any(c.dep_ in ("agent", "auxpass", "nsubj") for c in verb.children)
    ):
        return
    late = [c for c in noun.children if c.i > verb.i] if governor is None else []
    if governor is None:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = governor, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"
    for child in late:
        child.head = verb


# Present-tense verbs of photo captions the parser reads as a compound noun: "riot police *fire* tear gas".
# Also a headline's third-person verb of giving or easing in title case, read as a compound of the noun after it
# ("U.S. *Lifts* Travel Ban to Lebanon", "Japan *Sends* Rescue Teams to Turkey"): forms that are no nouns.
_CAPTION_VERBS = {
    "fire": "fire",
    "fires": "fire",
    "lifts": "lift",
    "eases": "ease",
    "suspends": "suspend",
    "sends": "send",
    "frees": "free",
    "donates": "donate",
    "deploys": "deploy",
    "delivers": "deliver",
}


def _caption_verb(sent: Span) -> None:
    """A caption parsed as one noun phrase ("Chilean riot police *fire* tear gas to disperse protesters") gets
    its verb back: the compound verb form right after a noun becomes the root, the noun before it its
    subject, the phrase it modified (the old root) its object, and the root's infinitive its purpose. When
    that phrase is the "of" object of the root ("Supporters of the party *fire* fireworks at police"), the
    "of" phrase ends before the verb and the root is the subject."""
    root = sent.root
    for verb in sent:
        if verb.lower_ not in _CAPTION_VERBS or verb.dep_ != "compound" or verb.i == sent.start:
            continue
        last, thing = sent.doc[verb.i - 1], verb.head
        if last.pos_ not in ("NOUN", "PROPN") or last.head not in (verb, thing) or thing.i < verb.i:
            continue
        if thing == root:
            subject, prep = last, None
        elif thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head == root and root.i < last.i:
            subject, prep = root, thing.head  # "Supporters of the party fire ...": the root does it
        else:
            continue
        inner = [t for t in sent if t.i < last.i and t.head in (verb, thing) and t is not subject]
        clauses = [c for c in root.children if c.i > thing.i and c.dep_ in ("relcl", "acl", "punct")]
        # "police fire tear gas *and arrest* protesters": a verb coordinated with the phrase is the caption
        # verb's conjunct (it shares the subject), not the object's
        conjoined = [c for c in thing.children if c.i > thing.i and c.dep_ == "conj" and c.pos_ == "VERB"]
        conjoined += [c for c in thing.children if c.dep_ == "cc" and any(c.i < v.i for v in conjoined)]
        verb.head, verb.dep_ = verb, "ROOT"
        verb.pos_, verb.tag_, verb.lemma_ = "VERB", "VBP", _CAPTION_VERBS[verb.lower_]
        thing.head, thing.dep_ = verb, "dobj"
        subject.head, subject.dep_ = verb, "nsubj"
        if prep is not None:
            last.head, last.dep_ = prep, "pobj"  # "of *the party*"
        for token in inner:
            token.head = last
        for clause in clauses:
            clause.head, clause.dep_ = verb, "punct" if clause.dep_ == "punct" else "advcl"
        for token in conjoined:
            token.head = verb
        return



_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A participle with one of these is no headline passive: an auxiliary, a subject or object of its own, a clause
_NOT_PASSIVE = frozenset({"aux", "auxpass", "nsubjpass", "dobj", "xcomp", "ccomp"})
# What a by-phrase names when it is no agent: "voted *by a margin* of", "spoke *by telephone*".
_MEANS = frozenset({"margin", "majority", "vote", "phone", "telephone", "video", "videolink", "mail", "email", "letter", "decree", "hand", "far"})


def _headline_passive(sent: Span) -> None:
    """A headline's passive without its "was" ("China *criticized by* US over crackdown", "Iran *accused by*
    US of plotting coup"): the participle with its by-agent, parsed as an active verb with a subject or as
    a participle on a root noun, becomes the passive root, the noun its passive subject. Only when the
    sentence has no verb of its own (the participle is the root, or hangs on a root noun right before it)."""
    root = sent.root
    verb = root
    if root.pos_ in ("NOUN", "PROPN"):
        nxt = root.doc[root.i + 1] if root.i + 1 < sent.end else None
        if nxt is None or nxt.head.i != root.i or nxt.dep_ != "acl" or nxt.tag_ not in ("VBN", "VBD"):
            return
        verb = nxt
    past = verb.lower_.endswith("ed") or verb.lemma_.lower() in _TELLING  # "told", "asked"
    if verb.pos_ != "VERB" or not (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and past)):
        return  # "spoke by telephone" is no passive
    if any(t.tag_ in _FINITE and t.i != verb.i for t in sent):
        return  # a verb of its own: "a car bomb claimed by IS *killed* 44", "a statement released by X *called* ..."
    if any(t.tag_ == "VBN" and t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in sent):
        return  # a second participle: "a statement released by the opposition *called* on ..." (one of them the verb)
    telling = _telling_without_object(verb)  # "Leader *told to* delay meeting": told by someone unnamed
    told = _told_by(verb) if telling else []
    bys = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
    agents = [p for c in (*bys, *told) for p in c.children if p.dep_ == "pobj" and _agent_like(p)]
    barred = _NOT_PASSIVE - {"xcomp"} if telling else _NOT_PASSIVE  # a verb of telling keeps its infinitive
    if not (agents or telling) or any(c.dep_ in barred for c in verb.children):
        return  # "voted *by a margin* of 161 to 50 to end ...": a means, not an agent
    for by in (*bys, *told):
        by.head, by.dep_ = verb, "agent"  # "slammed as 'X' *by* Y", "told to resign *by* Y": the agent
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if verb.i == root.i and len(subjects) != 1:
        return
    if verb.i != root.i:
        late = [c for c in root.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head = verb
        for child in late:
            child.head = verb
        subjects = [root]
    subjects[0].dep_ = "nsubjpass"
    verb.tag_ = "VBN"


# Verbs of telling that a headline uses with an infinitive and no object: "X *told to* resign by Y" is passive.
_TELLING = frozenset({"tell", "ask", "urge", "order", "instruct", "direct"})


def _telling_without_object(verb: Token) -> bool:
    """A verb of telling with an infinitive and no object ("Leader *told to* resign"): in a headline, a passive."""
    return (
        verb.lemma_.lower() in _TELLING
        and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
        and any(c.dep_ == "xcomp" for c in verb.children)
    )


def _told_by(verb: Token) -> list[Token]:
    """The by-phrase a headline's infinitive took from its verb of telling (one with no object of its own):
    "Leader *told to resign by* Y" (the parser hangs "by Y" on "resign")."""
    acts = [c for c in verb.children if c.dep_ == "xcomp"]
    return [c for a in acts for c in a.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > a.i]


def _agent_like(word: Token) -> bool:
    """Whether a by-phrase's object can do something: not a means ("by a margin") or a time ("by Friday")."""
    return word.lemma_.lower() not in _MEANS and word.ent_type_ not in ("DATE", "TIME") and not word.like_num


def _following(word: Token) -> None:
    """ "resigned *following* suicide bombings on churches": the parser makes "following" a verb whose object is
    the earlier event; it is the preposition (as "after"), so the event is background like any "following" phrase
    (background ``BACKGROUND_PREPS``)."""
    if word.lower_ != "following" or word.dep_ != "prep" or word.pos_ != "VERB":
        return
    word.pos_, word.tag_, word.lemma_ = "ADP", "IN", "following"
    for child in word.children:
        if child.dep_ == "dobj":
            child.dep_ = "pobj"


def _held_then_freed(verb: Token) -> None:
    """ "Eighteen Italian fishermen, *held* captive in Libya, have been *freed*": the parser takes the reduced
    relative "held" for the sentence's verb and the passive "have been freed" for its conjunct (or clause), so
    the release has no one released and the holder is lost. The passive becomes the verb, the people its
    passive subject and "held" their participle again (what ``event_doers.holder`` reads: the holder of an
    agentless release). Only a verb of holding (``coder_holding``) with no auxiliary, and a passive with no
    subject of its own but a stray "captive" or "hostage"."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VBD" or verb.lemma_.lower() not in _HOLDING:
        return
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
    passive = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("conj", "ccomp")
            and c.tag_ == "VBN"
            and c.i > verb.i
            and any(a.dep_ == "auxpass" for a in c.children)
        ),
        None,
    )
    if len(subjects) != 1 or passive is None:
        return
    own = [c for c in passive.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ not in _HELD_AS or c.i > passive.i for c in own):
        return
    for stray in own:  # "held *hostage* in Yemen were released": what they were held as
        stray.head, stray.dep_ = verb, "oprd"
    for held_as in [c for c in verb.children if c.lower_ in _HELD_AS]:
        for prep in [c for c in held_as.children if c.dep_ == "prep"]:
            prep.head = verb  # "held hostage *in Nigeria*": where they were held
    subject = subjects[0]
    passive.head, passive.dep_ = passive, "ROOT"
    subject.head, subject.dep_ = passive, "nsubjpass"
    verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"


_HOLDING = words("coder_holding")
_HELD_AS = frozenset({"captive", "hostage", "prisoner"})


def _hyphen_passive(participle: Token) -> None:
    """A participle hyphenated to a noun that the parser hangs on "was" as a predicate ("a girl was
    *gang-raped*", "were *force-fed*") is a passive verb: it takes the clause, "be" becomes its auxiliary, the
    subject its passive subject ("was *fully-armed*" stays a predicate)."""
    be = participle.head
    if (
        participle.dep_ != "acomp"
        or participle.tag_ != "VBN"
        or be.lemma_ != "be"
        or not any(c.tag_ == "HYPH" for c in participle.children)
        or not any(c.pos_ == "NOUN" and c.i == participle.i - 2 for c in participle.children)
    ):
        return
    for child in list(be.children):
        if child.i == participle.i:
            continue
        if child.dep_ == "nsubj":
            child.dep_ = "nsubjpass"
        child.head = participle
    root = be.head.i == be.i
    participle.head, participle.dep_ = (participle, "ROOT") if root else (be.head, be.dep_)
    be.head, be.dep_ = participle, "auxpass"


_WEAPONS = words("coder_instrument_doers")


def _weapon_plural(token: Token) -> None:
    """A weapon's plural opening a sentence, which the parser takes for a name ("*Rockets* were fired at the
    embassy": lemma "Rockets"), gets its common noun's lemma."""
    singular = token.lower_[:-1] if token.lower_.endswith("s") else token.lower_
    if singular in _WEAPONS:
        token.lemma_ = singular


def _participle_object(verb: Token) -> None:
    """ "will not accept any *refugees fleeing* the violence": a transitive verb whose object the parser made
    the subject of a participle clause gets it back as its object, the participle modifying it. Only a
    verb of taking people in (``_TAKING_PEOPLE``) with no object of its own, a bare "-ing" clause (no
    auxiliary, marker or second subject) and a noun subject right after it."""
    if verb.pos_ != "VERB" or verb.lemma_ not in _TAKING_PEOPLE or any(c.dep_ == "dobj" for c in verb.children):
        return
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBG" and c.i > verb.i), None)
    if clause is None or any(c.dep_ in ("aux", "auxpass", "mark", "neg") for c in clause.children):
        return
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN") or subjects[0].i > clause.i:
        return
    thing = subjects[0]
    if thing.left_edge.i != verb.i + 1:
        return  # only right after the verb: "accept *any refugees* fleeing"
    thing.head, thing.dep_ = verb, "dobj"
    clause.head, clause.dep_ = thing, "acl"


# Verbs of taking people in, whose object the parser reads as a participle's subject ("accept any refugees
# fleeing"); not verbs of showing or seeing ("footage *showed* protesters throwing stones" keeps the
# throwing), nor of wanting or welcoming ("welcomed Serbia ratifying the agreement" keeps the ratifying).
_TAKING_PEOPLE = frozenset({"accept", "admit", "take", "receive", "host", "shelter", "resettle", "readmit"})


# Verbs that grant someone something (an indirect object, then the object): "allowed the Red Cross access"
_GRANTING = frozenset({"allow", "permit", "grant", "give", "offer", "deny", "afford", "guarantee", "promise"})
# What is granted that a plural noun right before it names the receiver of ("gave *aid workers* access"),
# not a kind of it ("offered *sanctions* relief")
_GRANTS = frozenset({"access", "permission", "passage", "entry", "clearance", "asylum", "visa", "protection"})


def _granted_recipient(verb: Token) -> None:
    """ "allowed *aid agencies greater access* to Darfur": a verb of granting takes the one it grants to (an
    indirect object) and what it grants (the object); a modifier between them misleads the parser, which makes
    the modifier a verb whose object is the thing granted ("allowed the Red Cross *expanded* access",
    "granted foreign journalists *limited* access"), the receiver the subject of the thing ("aid agencies
    greater access") or a modifier of it ("UN aid workers access", with the access a clause of "allowed").
    The thing granted becomes the verb's object, the modifier its adjective and the receiver the indirect
    object, as in "granted the Red Cross full access"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _GRANTING:
        return
    thing = _modifier_as_verb(verb) or next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None or thing.pos_ != "NOUN" or any(c.dep_ == "dative" for c in verb.children):
        return
    receiver = next((c for c in thing.children if c.dep_ == "nsubj" and verb.i < c.i < thing.i), None)
    if receiver is None and thing.lower_ in _GRANTS and not any(c.dep_ in ("det", "poss") for c in thing.children):
        receiver = next((c for c in thing.children if c.dep_ == "compound" and c.tag_ == "NNS"), None)
    if receiver is None:  # "granted the *IAEA* unrestricted access": a name hung on the modifier
        adjectives = [c for c in thing.children if c.dep_ == "amod" and c.i < thing.i]
        receiver = next((n for a in adjectives for n in a.children if n.dep_ == "npadvmod" and n.pos_ == "PROPN"), None)
    first = verb.i + 1 + (verb.doc[verb.i + 1].dep_ == "det" if verb.i + 1 < len(verb.doc) else 0)
    if receiver is not None and receiver.left_edge.i <= first:
        if receiver.left_edge.i > verb.i + 1:
            verb.doc[verb.i + 1].head = receiver  # "the" of "the IAEA"
        receiver.head, receiver.dep_ = verb, "dative"


def _modifier_as_verb(verb: Token) -> Token | None:
    """The thing granted when the parser made its modifier a verb, with the receiver its subject or the
    granting verb's object ("the Red Cross *expanded* access", "journalists *limited* access"), or made the
    thing a clause of its own ("UN aid workers *access*"): the thing, now the verb's object, the modifier its
    adjective and the receiver the verb's indirect object."""
    for clause in [c for c in verb.children if c.dep_ in ("ccomp", "advcl", "xcomp") and c.i > verb.i]:
        if clause.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in clause.children):
            if any(c.dep_ == "dobj" for c in verb.children):
                continue
            clause.head, clause.dep_ = verb, "dobj"
            return clause
        kids = list(clause.children)
        thing = next((c for c in kids if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.left_edge.i == clause.i + 1), None)
        if thing is None or clause.tag_ not in ("VBD", "VBN", "JJ") or any(
            c.dep_ not in ("nsubj", "dobj") or c.dep_ == "nsubj" and c.i > clause.i for c in kids
        ):
            continue
        before = [c for c in kids if c.dep_ == "nsubj"] + [c for c in verb.children if c.dep_ == "dobj"]
        receiver = next((c for c in before if c.right_edge.i == clause.i - 1 and c.left_edge.i == verb.i + 1), None)
        if receiver is None and not any(c.dep_ == "dative" and c.right_edge.i == clause.i - 1 for c in verb.children):
            continue
        thing.head, thing.dep_ = verb, "dobj"
        clause.head, clause.dep_, clause.pos_, clause.lemma_ = thing, "amod", "ADJ", clause.lower_
        if receiver is not None:
            receiver.head, receiver.dep_ = verb, "dative"
        return thing
    return None
