"""CAMEO codes of governed events: what an event becomes when it is refused, asked for, demanded, intended
or threatened ("declined to meet" 125, "urged talks" 026, "threatened to strike" 138), and what a complement
verb or object that is no event pattern itself means ("urged Iran to *help*" 023).

Read by :mod:`volte.coding.specialisation` and :mod:`volte.coding.match_factuality` through
:func:`governed_code` and the lemma tables below; the statuses come from :func:`volte.coding.factuality.assess`.
"""

from __future__ import annotations

# Specialising a governing verb's code by the code of the event it governs, longest prefix first.
_REFUSAL_CODES = {
    "04": "125",
    "036": "125",
    "045": "126",
    "05": "120",
    "057": "127",
    "06": "121",
    "061": "1211",
    "062": "1212",
    "063": "1213",
    "064": "1214",
    "07": "122",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "075": "1223",
    "08": "124",
    "081": "1241",
    "082": "1242",
    "0841": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
}
_APPEAL_CODES = {
    "04": "026",
    "045": "028",
    "05": "022",
    "06": "021",
    "061": "0211",
    "062": "0212",
    "063": "0213",
    "064": "0214",
    "07": "023",
    "071": "0231",
    "072": "0232",
    "073": "0233",
    "074": "0234",
    "08": "025",
    "081": "0251",
    "082": "0252",
    "0841": "0253",
    "085": "0254",
    "086": "0255",
    "087": "0256",
    "083": "024",
}
_DEMAND_CODES = {
    "04": "106",
    "045": "108",
    "05": "102",
    "06": "101",
    "061": "1011",
    "062": "1012",
    "063": "1013",
    "064": "1014",
    "07": "103",
    "071": "1031",
    "072": "1032",
    "073": "1033",
    "074": "1034",
    "08": "105",
    "081": "1051",
    "082": "1052",
    "0841": "1053",
    "085": "1054",
    "086": "1055",
    "087": "1056",
    "083": "104",
}
_INTENT_CODES = {
    "04": "036",
    "045": "039",
    "05": "032",
    "057": "037",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "075": "033",
    "08": "035",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "0841": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
}
_THREAT_CODES = {
    "12": "130",
    "14": "133",
    "15": "138",
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "130",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "173": "137",
    "174": "137",
    "175": "137",
    "18": "1383",
    "19": "1384",
    "191": "1381",
    "192": "1382",
    "20": "1385",
    "204": "1385",
}
# What a complement verb asks for, when it is no event pattern itself: "urged Iran to *help* finance" is an
# appeal for aid (023), "demanded that Iran *lift* the ban" a demand to yield (105).
_CLAUSE_MEANINGS: dict[str, tuple[str, ...]] = {
    "07": ("help", "assist", "aid", "finance", "fund", "donate", "feed", "rebuild"),
    "04": ("negotiate", "talk", "meet", "discuss", "dialogue", "consult"),
    "0841": ("release", "free", "return", "repatriate", "hand", "extradite", "surrender"),
    "08": (
        "withdraw",
        "stop",
        "halt",
        "end",
        "cease",
        "lift",
        "ease",
        "cancel",
        "drop",
        "abandon",
        "reverse",
        "reconsider",
        "give",
        "pay",
        "compensate",
        "back",
        "retreat",
        "dismantle",
    ),
    # laying down arms is de-escalation: "demanded that Hamas *renounce* its armed struggle" (1056)
    "087": (
        "renounce",
        "forsake",
        "disarm",
        "demobilize",
        "demobilise",
        "disband",
        "de-escalate",
        "deescalate",
    ),
    "083": ("reform", "amend", "democratize", "democratise", "enact", "change", "overhaul", "adopt"),
    "06": ("cooperate", "collaborate", "join", "trade", "invest", "lease"),
    "05": ("recognize", "recognise", "support", "endorse", "back", "defend"),
    "045": ("mediate", "broker", "facilitate"),
    "057": ("settle", "resolve", "reach", "sign", "conclude"),
    "086": ("allow", "let", "permit", "admit", "accept"),
    "064": ("provide", "share", "disclose", "reveal", "inform"),
}
CLAUSE_CODES = {lemma: code for code, lemmas in _CLAUSE_MEANINGS.items() for lemma in lemmas}
_APPEAL_CODES["057"] = "027"
_DEMAND_CODES["057"] = "107"
_APPEAL_CODES["086"] = "0255"
_APPEAL_CODES["064"] = "0214"
_DEMAND_CODES["064"] = "1014"
# Political change asked for, refused or promised, by kind: leadership (0831), policy (0832), rights (0833),
# institutions (0834): "declined to resign" 1231, "urged him to step down" 0241, "pledged to amend" 0342.
for _kind, _appeal, _demand, _refusal, _intent in (
    ("0831", "0241", "1041", "1231", "0341"),
    ("0832", "0242", "1042", "1232", "0342"),
    ("0833", "0243", "1043", "1233", "0343"),
    ("0834", "0244", "1044", "1234", "0344"),
):
    _APPEAL_CODES[_kind], _DEMAND_CODES[_kind], _REFUSAL_CODES[_kind], _INTENT_CODES[_kind] = (
        _appeal,
        _demand,
        _refusal,
        _intent,
    )
_REFUSAL_CODES.setdefault("083", "123")
# Hostile acts a threat names when the threatened verb is no pattern itself ("threatened to *ban* voting",
# "threatened to *secede*"): the code whose threat form (130-139) the threat takes.
_THREATENED_MEANINGS: dict[str, tuple[str, ...]] = {
    "1721": ("ban", "outlaw", "disqualify", "bar"),
    "172": ("restrict", "curb", "censor", "shut", "close"),
    "161": ("secede", "sever", "downgrade", "expel"),
    "16": ("cut", "suspend", "freeze", "halt", "stop", "withdraw", "quit", "leave", "pull"),
    "19": (
        "attack",
        "strike",
        "hit",
        "retaliate",
        "bomb",
        "invade",
        "destroy",
        "crush",
        "annihilate",
        "punish",
    ),
    "14": ("boycott", "protest", "strike", "march"),
    "173": ("arrest", "detain", "prosecute", "jail"),
}
# What the object of a complement verb that is no act itself names ("resume *attacks*", "respect *rights*");
# modifiers count too ("resume *terrorist* activities"). Specific words first: a modifier wins over its head.
_OBJECT_MEANINGS: dict[str, tuple[str, ...]] = {
    "18": ("terrorist", "terror", "terrorism", "bombing", "suicide", "kidnapping"),
    "19": (
        "attack",
        "airstrike",
        "offensive",
        "assault",
        "raid",
        "blow",
        "bombardment",
        "shelling",
        "hostility",
        "war",
        "retaliation",
    ),
    "0833": ("right", "freedom", "liberty"),
    "07": ("aid", "assistance"),
    "14": ("protest", "demonstration", "boycott", "walkout", "sit-in"),
    "08": ("end", "halt", "withdrawal", "pullout", "concession"),  # "bring an *end* to the embargo"
    "0834": ("constitutional", "constitution"),  # "agree to *constitutional* changes"
}
OBJECT_MEANINGS = {lemma: code for code, lemmas in _OBJECT_MEANINGS.items() for lemma in lemmas}
THREAT_CLAUSE_CODES = {
    lemma: code for code, lemmas in reversed(list(_THREATENED_MEANINGS.items())) for lemma in lemmas
}

TABLES = {
    "refusal": _REFUSAL_CODES,
    "appeal": _APPEAL_CODES,
    "demand": _DEMAND_CODES,
    "future": _INTENT_CODES,
    "committed": _INTENT_CODES,
    "threat": _THREAT_CODES,
}


def governed_code(status: str, code: str) -> str | None:
    """The code an event of ``code`` takes when it is refused, asked for, demanded, intended or threatened.

    None when the table has nothing for it (the caller keeps the governing verb's own code).
    Cooperative events announced for the future become intents (03x); hostile ones become threats (13x).
    """
    if status == "poised":  # forces getting ready to strike show their force (150); other plans are intents
        status = "future"
        if code[:2] in ("18", "19", "20"):
            return "150"
    table = TABLES.get(status)
    if table is None:
        return None
    if status in ("future", "committed") and code[:2] >= "10":
        table = _THREAT_CODES
    for size in (4, 3, 2):
        hit = table.get(code[:size])
        if hit is not None:
            return hit
    return None
