"""Recognising time expressions in news text (no anchoring: see :mod:`volte.coding.dates`).

Pure Python regular expressions. :func:`find_mentions` returns every expression with the rule that
matched it and its named parts (month, day, weekday, relative word, ...), and a direction read from the
words to its left (:func:`text_direction`): a bare weekday in a story is the most recent one unless the
clause reads as future ("will meet on Friday"). :mod:`volte.coding.dates` turns mentions into TimeML
values against the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from volte.coding.lexicon import ordered, words

__all__ = [
    "FUTURE",
    "LIKELY_FUTURE",
    "LIKELY_PAST",
    "ORDINAL_WORDS",
    "PAST",
    "Mention",
    "find_mentions",
    "text_direction",
]

# Directions. PAST/FUTURE come from the parse (the event verb's tense) and are followed strictly;
# the LIKELY_ ones come from cue words in the text and only break near-ties (see dates._choose).
PAST = "past"
FUTURE = "future"
LIKELY_PAST = "likely-past"
LIKELY_FUTURE = "likely-future"


@dataclass(frozen=True)
class Mention:
    """A recognised time expression before anchoring: which rule matched and its named parts."""

    start: int
    end: int
    text: str
    rule: str
    parts: tuple[tuple[str, str], ...]
    direction: str | None  # LIKELY_PAST | LIKELY_FUTURE | PAST ("since ...") | None: words before it

    def part(self, name: str) -> str:
        return dict(self.parts).get(name, "")


# --- vocabulary -------------------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_FULL = "(?:" + "|".join(m.capitalize() for m in ordered("months")) + ")"
_WDAY = "(?:" + "|".join(d.capitalize() for d in ordered("weekdays")) + ")"
_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
ORDINAL_WORDS.update({w: i + 10 for i, w in enumerate(_ORD_TEENS)})
ORDINAL_WORDS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31})
ORDINAL_WORDS.update({f"twenty{sep}{w}": 20 + i + 1 for i, w in enumerate(_ORD_UNITS) for sep in ("-", " ")})


def _ci(pattern: str) -> str:
    """A caseless piece: month and weekday names stay case-sensitive ("may", "march" are verbs)."""
    return f"(?i:{pattern})"


_ORD_WORD = _ci("|".join(sorted((re.escape(w) for w in ORDINAL_WORDS), key=len, reverse=True)))
_DAY = rf"(?:[0-3]?\d{_ci('st|nd|rd|th')}?(?!\d)|{_ORD_WORD})"
_DAY_ORDINAL = rf"(?:[0-3]?\d{_ci('st|nd|rd|th')}|{_ORD_WORD})"
_YEAR = r"(?:1[89]|2[01])\d\d"
_END = r"(?![\w-])"
_TOD = _ci(r"(?:\s+(?:morning|afternoon|evening|night))?")
_MOD = _ci(r"(?:(?:early|late|earlier|later)\s+)?")
_NUM = _ci(
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3}"
)
_PREP = _ci(r"in|on|since|by|until|till|before|after|during|from|through|of|between|and|to|for")
_THE = _ci(r"the\s+")
_OF = _ci(r"\s+of")
_REL = _ci(r"last|next|this")
_YEAR_REL = _ci(r"\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year")  # "July 10 last year", "May this year"
_FOLLOW_NTH = _ci(
    r"(?=\s*(?:[,.;:)!?]|$|\s(?:and|or|when|at|in|to|with|as|after|before|but|while|for|by|that|which|"
    r"through|until|the|a|an|he|she|they|it|we|i)\b))"
)

_REL_NAMED_STRICT = _ci(  # a bare month name needs more than "this"
    r"last|next|this\s+past|this\s+coming"
)
_REL_NAMED = _ci(r"last|next|this\s+coming|this\s+past|this")  # before a month or weekday name
_REL_WEEK = _ci(r"this|last|next|the\s+coming|the\s+following")
_YEAR_LEAD = _ci(r"fiscal|early|late|mid|the\s+year")
_PERCENT = _ci(r"%|percent|per\s+cent")
_END_OF = _ci(r"the\s+end\s+of")
_THE_WEEKEND = _ci(r"the\s+weekend")
_THIS_PAST = _ci(r"this\s+past")

# (rule name, pattern). Group ``t`` is the expression's span; other named groups are its parts.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"(?<![\d-])(?P<t>(?P<year>{_YEAR})-(?P<mon>[01]\d)-(?P<day>[0-3]\d))(?![\d-])"),
    (
        "paren",
        rf"(?P<t>(?P<word>{_ci('today|tonight|yesterday|tomorrow')}|{_WDAY})\s*\(\s*(?P<month>{_MONTH})\s+"
        rf"(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?\s*\))",
    ),
    (
        "mdy",
        rf"(?P<t>(?:(?P<wday>{_WDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})"
        rf"(?:(?:,\s*|\s+)(?P<year>{_YEAR})|{_YEAR_REL})?){_END}",
    ),
    (
        "dmy",
        rf"(?P<t>(?:(?P<wday>{_WDAY}),?\s+)?(?:(?:{_THE})?(?P<day>[0-3]?\d{_ci('st|nd|rd|th')}?)(?!\d)|"
        rf"{_THE}(?P<dayword>{_ORD_WORD}))(?:{_OF})?\s+(?P<month>{_MONTH})"
        rf"(?:,?\s+(?P<year>{_YEAR})|{_YEAR_REL})?){_END}",
    ),
    (
        "month_year",
        rf"(?P<t>(?:(?P<mod>{_ci('early|mid|late')})[-\s]+)?(?P<month>{_MONTH})"
        rf"(?:,?\s+(?P<year>{_YEAR})|{_YEAR_REL})){_END}",
    ),
    (
        "month",
        rf"(?:\b{_PREP}\s+)(?P<t>(?:(?P<rel>{_REL_NAMED})\s+)?"
        rf"(?:(?P<mod>{_ci('early|mid|late')})[-\s]+)?(?P<month>{_MONTH_FULL})){_END}",
    ),
    (
        "month",
        rf"(?P<t>(?:(?P<rel>{_REL_NAMED_STRICT})\s+|"
        rf"(?P<mod>{_ci('early|mid|late')})[-\s]+)(?P<month>{_MONTH_FULL})){_END}",
    ),
    (
        "weekday",
        rf"(?P<t>{_MOD}(?:(?P<rel>{_REL_NAMED})\s+)?(?P<wday>{_WDAY})"
        rf"(?:'s)?{_TOD}){_END}",
    ),
    ("relday", rf"(?P<t>{_MOD}(?P<word>{_ci('today|tonight|yesterday|tomorrow')})(?:'s)?{_TOD}){_END}"),
    (
        "relday",
        rf"(?P<t>(?P<word>{_ci('this|last')})\s+(?P<tod>{_ci('morning|afternoon|evening|night')})){_END}",
    ),
    ("ago", rf"(?P<t>(?P<num>{_NUM})\s+(?P<unit>{_ci('day|week|month|year')})s?\s+{_ci('ago')}){_END}"),
    (
        "week",
        rf"(?P<t>(?:(?P<mod>{_ci('earlier|later')})\s+)?(?P<rel>{_REL_WEEK})"
        rf"\s+(?P<unit>{_ci('weekend|week')}))(?:'s)?{_END}",
    ),
    ("weekend", rf"\b{_ci('over|during|at|on|through|for|until|by')}\s+(?P<t>{_THE_WEEKEND})(?:'s)?{_END}"),
    ("weekend", rf"(?P<t>(?P<past>{_THIS_PAST})\s+{_ci('weekend')})(?:'s)?{_END}"),
    (
        "month_rel",
        rf"(?P<t>(?:(?P<mod>{_ci('earlier|later|early|late')})\s+)?(?P<rel>{_REL})\s+{_ci('month')}){_END}",
    ),
    (
        "year_rel",
        rf"(?P<t>(?:(?P<mod>{_ci('earlier|later|early|late')})\s+)?(?P<rel>{_REL})\s+{_ci('year')}){_END}",
    ),
    (
        "year",
        rf"(?:\b(?:{_PREP}|{_YEAR_LEAD})[\s-]+)(?P<t>(?P<year>{_YEAR}))"
        rf"(?![\d%]|,\d|\.\d)",
    ),
    (
        "quarter",
        rf"(?P<t>(?:{_THE})?(?:(?P<rel>{_REL})\s+|(?P<ord>{_ci('first|second|third|fourth|1st|2nd|3rd|4th')})"
        rf"[-\s]+){_ci('quarter')}(?:{_OF}\s+(?P<year>{_YEAR}))?){_END}",
    ),
    (
        "season",
        rf"(?P<t>(?:(?P<rel>{_REL})\s+(?P<season>{_ci('spring|summer|autumn|fall|winter')})"
        rf"(?:{_OF}\s+(?P<year>{_YEAR}))?|(?P<season2>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
        rf"(?:{_OF})?\s+(?P<year2>{_YEAR}))){_END}",
    ),
    (
        "holiday",
        rf"(?P<t>(?:(?P<rel>{_REL})\s+)?(?P<name>Christmas\s+Eve|Christmas(?:\s+Day)?|"
        rf"New\s+Year's\s+Eve|New\s+Year's(?:\s+Day)?|Thanksgiving(?:\s+Day)?|Independence\s+Day|"
        rf"Election\s+Day|Halloween|Valentine's\s+Day|Boxing\s+Day|Labor\s+Day|Memorial\s+Day)"
        rf"(?:\s+(?P<year>{_YEAR}))?){_END}",
    ),
    (
        "pair",
        rf"(?P<month>{_MONTH})\s+{_DAY}\s*(?:{_ci('and|or|to|through')}|-|\u2013)\s*(?P<t>(?P<day>{_DAY}))"
        rf"(?:,?\s+(?P<year>{_YEAR}))?(?![\w-]|\s*{_PERCENT})",
    ),
    (
        "period_end",
        rf"(?P<t>(?P<unit>{_ci('year|month')})-{_ci('end')}|(?P<unit2>{_ci('year|month')})'s\s+{_ci('end')}|"
        rf"{_END_OF}\s+(?:(?P<rel>{_REL})|{_ci('the')})\s+(?P<unit3>{_ci('year|month')})){_END}",
    ),
    (
        "nth",
        rf"\b{_ci('on|by|since|until|till|from|before|after|through')}\s+(?P<t>{_THE}(?P<day>{_DAY_ORDINAL}))"
        rf"{_FOLLOW_NTH}",
    ),
]
_COMPILED: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(p)) for name, p in _PATTERNS]
_MONTH_WORDS = ordered("month_abbreviations")
# A rule runs only when the lower-cased text holds one of its words (cheap; most sentences hold none).
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "paren": ("(",),
    "mdy": _MONTH_WORDS,
    "dmy": _MONTH_WORDS,
    "month_year": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "weekday": ("day",),
    "relday": ("today", "tonight", "yesterday", "tomorrow", "this ", "last "),
    "ago": ("ago",),
    "week": ("week",),
    "weekend": ("weekend",),
    "month_rel": ("month",),
    "year_rel": ("year",),
    "year": ("19", "20", "21"),
    "quarter": ("quarter",),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "holiday": ("christmas", "new year", "thanksgiving", " day", "halloween"),
    "pair": _MONTH_WORDS,
    "period_end": ("end",),
    "nth": ("the ",),
}
_RULE_RANK = {name: i for i, (name, _) in enumerate(_PATTERNS)}


def find_mentions(text: str) -> list[Mention]:
    """Recognise time expressions (no anchoring yet): longest match wins where matches overlap."""
    candidates: list[tuple[int, int, str, dict[str, str]]] = []
    lower = text.lower()
    for rule, pattern in _COMPILED:
        if not any(word in lower for word in _NEEDS[rule]):
            continue
        for match in pattern.finditer(text):
            start, end = match.span("t")
            parts = {k: v for k, v in match.groupdict().items() if v is not None and k != "t"}
            if start < end:
                candidates.append((start, end, rule, parts))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], _RULE_RANK[c[2]]))
    taken: list[tuple[int, int, str, dict[str, str]]] = []
    for cand in candidates:
        if all(cand[1] <= other[0] or cand[0] >= other[1] for other in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c[0])
    mentions = []
    for start, end, rule, parts in taken:
        start = _day_shift(text, start, rule, parts)
        mentions.append(
            Mention(
                start, end, text[start:end], rule, tuple(sorted(parts.items())), text_direction(text, start)
            )
        )
    return mentions


_SHIFT = re.compile(r"\bthe\s+day\s+(before|after)\s+$", re.IGNORECASE)
_DAY_RULES = frozenset({"iso", "mdy", "dmy", "paren", "weekday", "relday", "holiday", "nth", "pair"})


def _day_shift(text: str, start: int, rule: str, parts: dict[str, str]) -> int:
    """Take "the day before/after" into a day expression ("the day before last Tuesday")."""
    if rule not in _DAY_RULES:
        return start
    shift = _SHIFT.search(text, max(0, start - 30), start)
    if shift is None:
        return start
    parts["shift"] = shift.group(1).lower()
    return shift.start()


# --- direction from the words before the expression -----------------------------------------------

_FUTURE_WORDS = words("timex_future_words")
_FUTURE_BEFORE_TO = words("timex_future_before_to")
_PAST_WORDS = words("timex_past_words")
_PASSIVE_AUX = words("timex_passive_aux")
_ABBREVIATIONS = words("timex_abbreviations")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
_BOUNDARY = re.compile(r"[;!?\n]|``|''|[\"\u201c\u201d]|(?<=[A-Za-z0-9)])\.(?=\s)")


def text_direction(text: str, start: int, *, window: int = 8) -> str | None:
    """The direction of the nearest cue word to the left in the same clause: LIKELY_FUTURE ("will",
    "scheduled", "plans to"), LIKELY_PAST ("said", "was", "-ed" verbs), PAST right after "since"; else None."""
    left = text[max(0, start - 160) : start]
    cut = 0
    for boundary in _BOUNDARY.finditer(left):
        if boundary.group() == "." and _is_abbreviation(left[: boundary.start()]):
            continue
        cut = boundary.end()
    written = [w.rstrip(".") for w in _WORD.findall(left[cut:])][-window:]
    words = [w.lower() for w in written]
    if words and words[-1] == "since":  # "since Jan. 3", "since year-end": always a past point
        return PAST
    for i in range(len(words) - 1, -1, -1):
        cue = _word_cue(words, i, capitalised=written[i][:1].isupper())
        if cue:
            return cue
    return None


def _word_cue(words: list[str], i: int, *, capitalised: bool) -> str | None:
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if word in _FUTURE_WORDS or word.endswith("'ll") or (word in _FUTURE_BEFORE_TO and following == "to"):
        return LIKELY_FUTURE
    if word == "as" and following in {"soon", "early"}:
        return LIKELY_FUTURE
    previous = words[i - 1] if i else ""
    if previous in _PASSIVE_AUX:  # "will be paid", "to be held": the auxiliary carries the tense
        return None
    if word in _PAST_WORDS or (
        len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and not capitalised
    ):
        return LIKELY_PAST  # "-ed" verbs, but not names such as "United"
    return None


def _is_abbreviation(before: str) -> bool:
    tail = re.search(r"([A-Za-z.]+)$", before)
    return tail is not None and (tail.group(1).lower() in _ABBREVIATIONS or len(tail.group(1)) == 1)
