"""Numbers with units: doses (amounts of vesicles or secretome given) and durations_days.

Doses are normalised to the schema's units (`20 ug/ml` -> `20 ug/mL`, `1x10(10) particles` ->
`1e10 particles`) and kept only when the amount is of vesicles: a vesicle mention follows it
("10 ug hUCMSCs secretion factors") or introduces it ("exosomes at 50 ug/mL"). Cell numbers
and scaffold volumes are not doses. Durations are every stated period, in days; ages
("8-week-old") and frequencies ("weekly", "every 3 days") are not, and years count only as a
follow-up ("at the 1-year follow-up").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import NamedTuple

from exobone.extract.cells import analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding, Mention, Sentence
from exobone.model import Span
from exobone.text.calls import pattern_match, pattern_search

_NUMBER = r"\d+(?:\.\d+)?"
# Written in lowercase: the dose pattern is searched case-insensitively (see `Cue`). The
# micro sign is matched as "u" (what `exobone.text.clean` writes), Greek mu, the micro sign
# U+00B5 or "mu"; "x 10^9", "x10(9)", "x 10<sup>9</sup>" and "1e9" are all scientific.
_MICRO = "(?:u|\u00b5|\u03bc|mu)"
_SCI = (
    rf"({_NUMBER})\s*[x*\u00d7]\s*10\s*(?:\^|\(|e|<sup>)?\s*(\d{{1,2}})(?:\)|</sup>)?"
    rf"|({_NUMBER})e(\d{{1,2}})"
)
_PER = r"\s*(?:/|per)\s*"
# An amount given to each animal is an amount: "100 ug/body", "1 x 10^9 particles/100 uL/body"
# (R1002, doi:10.1186/s13287-022-03005-9); a count per millilitre may name the vesicles as its
# unit: "1 x 10^9 exosomes/mL".
_PER_BODY = r"(?:mouse|rat|animal|body)"
_UNIT = (
    rf"(?:{_MICRO}g{_PER}ml|{_MICRO}g\s*[.\u00b7]?\s*ml\s*-1|{_MICRO}g{_PER}kg|mg{_PER}kg"
    rf"|{_MICRO}g(?:{_PER}{_PER_BODY})?|particles(?:{_PER}\d+\s*{_MICRO}l)?{_PER}{_PER_BODY}"
    rf"|(?:particles|exosomes|vesicles|evs){_PER}ml|particles|vesicles"
    r"|exosome particles|evs)"
)
# A power of ten with no mantissa: "10^6 particles/mL", "10<sup>9</sup> exosomes".
_BARE_POWER = r"10\s*(?:\^|<sup>)\s*(\d{1,2})(?:</sup>)?"
# Groups: 1-2 mantissa and exponent, 3-4 the "1e9" form, 5 a plain number, 6 the exponent of
# a bare power of ten, 7 the unit (a plain number needs one; a scientific count may name the
# vesicles instead: "2 x 10^10 sEVs").
_DOSE = Cue(
    rf"(?<![\w.])(?:{_SCI}|({_NUMBER})(?=\s*{_UNIT})|{_BARE_POWER})\s*({_UNIT})?"
    r"(?![\w])(?!/(?!day))"
)
_UNIT_NAMES = {
    "ug/ml": "ug/mL", "ugml-1": "ug/mL", "ug.ml-1": "ug/mL", "ug\u00b7ml-1": "ug/mL",
    "ugperml": "ug/mL", "ug/kg": "ug/kg", "ugperkg": "ug/kg", "mg/kg": "mg/kg",
    "mgperkg": "mg/kg", "ug": "ug", "particles/ml": "particles/mL",
    "particlesperml": "particles/mL", "exosomes/ml": "particles/mL",
    "exosomesperml": "particles/mL", "vesicles/ml": "particles/mL",
    "vesiclesperml": "particles/mL", "evs/ml": "particles/mL", "evsperml": "particles/mL",
    "particles": "particles", "vesicles": "particles", "exosomeparticles": "particles",
    "evs": "particles",
}  # fmt: skip
_MICRO_SPELLINGS = re.compile("mu(?=g)|\u00b5|\u03bc")
_PER_ANIMAL = re.compile(rf"(?:/|per){_PER_BODY}$")
# What may stand between an amount and the vesicle it measures: "of", "the", a few words, or
# the start of a hyphenated name ("25 ug/mL BMSC-sEVs"); not a word that ends the amount's
# phrase ("macrophages were stimulated with LPS at 1 ug/mL before the EVs were added").
_DOSE_BEFORE_VESICLE = re.compile(
    r"^\s*(?:of\s+)?(?:the\s+)?"
    r"(?:(?!(?:before|after|and|or|then|for|with|to|into|prior|followed|was|were|than)\b)"
    r"[\w-]+\s+){0,3}[\w]*-?$",
    re.IGNORECASE,
)
# An amount in brackets before "dose of" and the vesicles, alone or beside the other bracketed
# amounts of the same sentence: "a low (1 ug) and a high (10 ug) dose of MSC-sEVs" (R500,
# doi:10.3390/biom13101501).
_BRACKETED_BEFORE_VESICLE = re.compile(
    rf"^\)\s*(?:(?:,\s*|\s+(?:and|or)\s+)(?:an?\s+)?[\w-]+\s+\(\s*{_NUMBER}\s*{_UNIT}\s*\)\s*)*"
    r"(?:doses?\s+of\s+)?(?:the\s+)?[\w]*-?$",
    re.IGNORECASE,
)
_VESICLE_BEFORE_DOSE = re.compile(
    r"(?:\bat|\bof|\bwith|\bcontaining|\(|:|\bdoses?|\bconcentrations?)\s*(?:a\s+)?"
    r"(?:(?:final\s+)?(?:dose|concentration)s?\s+of\s+)?$",
    re.IGNORECASE,
)
_AT_DOSE = re.compile(r"(?:\bat|\bdoses?\s+of|\bconcentrations?\s+of)\s*$", re.IGNORECASE)
# Amounts listed before the one unit they share, each a dose: "(25, 50 and 100 ug/mL)",
# "10 or 20 ug/mL". The list needs its "and"/"or", so a count before a dose ("n = 6, 100 ug")
# is not read as one.
_LISTED_BEFORE = re.compile(
    rf"(?<![\w.,=/\u00b1-])(?<!=\s)((?:{_NUMBER}\s*,\s*)*{_NUMBER}\s*,?\s*(?:and|or)\s+)$",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# A number word ends at a space, a hyphen or the comma of a list: "at two, four, eight and 12
# weeks post-implantation" (SWCNT/PLAGA composites in rats, PMC4438669).
_N = rf"(?:{_NUMBER}|(?:{'|'.join(_WORD_NUMBERS)})(?=[\s,-]))"
# A time point may be written as an ordinal: "at the 5th and 10th week after injection"
# (doi:10.1186/s13018-023-03576-0).
_ORDINAL = r"(?:st|nd|rd|th)?"
# A period's unit may be abbreviated ("3 wk", R71; "for 2 mo", R35, doi:10.3168/jds.2019-17501)
# or qualified as unbroken ("stimulated for 14 consecutive days", R326,
# doi:10.3389/fbioe.2023.1160703); an age stays no period ("3-mo-old mice").
_QUALIFIERS = ("consecutive", "successive")
_QUALIFIER = rf"(?:(?:{'|'.join(_QUALIFIERS)})\s+)?"
_QUALIFIER_FIRST = frozenset(q[0] for q in _QUALIFIERS)
# A list may close with a comma before its "and" or "or": "sacrificed at 2, 4, 8, or 12 weeks
# postoperatively" (rabbit cranial defects, J Periodontal Implant Sci 40(4), Sohn et al.),
# "the mice were killed 1, 2, 4, or 8 weeks after surgery". A follow-up may be stated in years
# (docs/schema.md: years x 365), kept only as a follow-up (`_FOLLOW_UP_YEARS`).
_DURATION = Cue(
    rf"(?<![\w.-])({_N}{_ORDINAL}(?:\s*(?:,\s*(?:(?:and|or)\s+)?|and|or|to|-|&)\s*{_N}{_ORDINAL})*)"
    rf"\s*-?\s*{_QUALIFIER}"
    r"(days?|d|weeks?|wks?|months?|mo|years?|h|hrs?|hours?)\b(?![\w-]*\s*-?old)(?!\s+of age)",
)
_NUMBERS = re.compile(_N, re.IGNORECASE)
# What may follow a number's last digit (after spaces) in a dose ("20 ug", "2 x 10^9", "1e9",
# "5 particles", "10 vesicles", "3 evs") and the first letters of the duration units.
_DOSE_NEXT = frozenset("x*\u00d7eu\u00b5\u03bcmpv^<")
_UNIT_FIRST = frozenset("dwmhy")
_DIGITS_SET = frozenset("0123456789")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")  # \w in lowercased ASCII
_JOINERS = ("and", "or", "to")
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_SPACES = re.compile(r"\s+")
# "days 7 and 14", "weeks 2, 4 and 8", "days 1-14" (a range counts to its last day), "weeks
# 2, 4 or 8" (J Orthop Translat 36:152-163). A singular unit takes no comma list ("day 7 and
# 14" is kept): in "at week 0, 35 rabbits" the 35 counts animals.
_DAY_ITEM = r"\d{1,3}(?:\s*-\s*\d{1,3})?"
_REVERSED = Cue(
    rf"\b(?:(days|weeks)\s+({_DAY_ITEM}(?:\s*(?:,\s*(?:(?:and|or)\s+)?|and|or)\s*{_DAY_ITEM})*)"
    rf"|(day|week)\s+({_DAY_ITEM}(?:\s+(?:and|or)\s+{_DAY_ITEM})?))\b(?!-)"
)
_RANGE_END = re.compile(r"\d+(?:\s*-\s*(\d+))?")
# ... and a bound is a measured amount, not a stated period: "releasing them steadily for more
# than 16 days" (R442, doi:10.7150/thno.123700), "turning their epigenetic age back by more
# than 3 months" (R247, doi:10.1038/s43587-025-00918-x).
# A modal verb before the number makes it the idiom "may one day", a time to come, not a
# period: "non-coding RNAs might one day serve as diagnostic biomarkers" (R200,
# doi:10.3390/ph14040315), "such engineered FTO-EVs may one day be used" (R845,
# doi:10.1016/j.ijbiomac.2024.134600).
_NOT_PERIOD_LEAD = re.compile(
    r"(?:\bevery|\bper|\baged?|\bonce|\btwice|\bage of|\bmore than"
    r"|\b(?:may|might|could|can|will|would))\s+$",
    re.I,
)
# "injected on days 7, 14 and 21", "from day 10": days of a schedule, not periods.
_SCHEDULE_LEAD = re.compile(
    r"(?:\bfrom|\bstarting(?: on| at| from)?|\bbeginning(?: on| at)?|\bsince)\s+$", re.I
)
# "evaluated on weeks 8, 14 and 20 after surgery" (10.1186/s13287-020-1562-9), "on days 7,
# 14, 21 and 31 after surgery" (10.1111/cpr.12570): days counted from an event are periods of
# follow-up, as "at 7 and 14 days after surgery" is (real_paraphrase R70). Days of giving
# ("injected EVs on days 3, 10 and 17 after surgery") stay a schedule.
_GIVEN_BEFORE = re.compile(
    r"\b(?:inject\w*|administ\w*|given|gave|deliver\w*|dosed|infused|applied)\b[^,;.]{0,40}$", re.I
)
_AFTER_EVENT = re.compile(
    r"\s*(?:after|following|post)[\s-]*(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:surgery|operation|injury|fracture|implantation|transplantation|treatment|injection"
    r"|induction|modell?ing|reconstruction|ovariectomy)\b|\s*post-?operative(?:ly)?\b",
    re.I,
)
_DAYS_PER = {"d": 1, "day": 1, "week": 7, "wk": 7, "month": 30, "mo": 30, "year": 365}


class _Numbers(NamedTuple):
    """Where the numbers of a lowercased ASCII section start, and which may be doses or
    durations.

    `_DOSE` and `_DURATION` start with a lookbehind, so the regex engine would try them at
    every offset of every sentence searched. Every match starts at a number (a run of digits,
    or a number word for durations), and holds a number followed, after spaces, by a
    character of `_DOSE_NEXT` (doses) or by `-?` and a unit's first letter, perhaps after an
    ordinal's suffix (durations). So a sentence is searched only if it holds such a number,
    and then only at `starts`.
    """

    starts: list[int]  # where digit runs and number words start
    doses: list[int]  # digits followed by what a dose needs
    durations: list[int]  # numbers followed by what a duration needs


def _next_char(low: str, at: int) -> str:
    """The first character at or after `at` that is not a space ("" at the end)."""
    end = len(low)
    while at < end and low[at].isspace():
        at += 1
    return low[at] if at < end else ""


def _unit_follows(low: str, at: int) -> bool:
    """Whether `\\s*-?\\s*`, perhaps a qualifier (`_QUALIFIER`), and a unit's first letter
    follow at `at`."""
    char = _next_char(low, at)
    if char == "-":
        char = _next_char(low, low.index("-", at) + 1)  # the hyphen just found
    if char in _QUALIFIER_FIRST:
        word = low.find(char, at)
        for qualifier in _QUALIFIERS:
            if low.startswith(qualifier, word):
                return _next_char(low, word + len(qualifier)) in _UNIT_FIRST
    return char in _UNIT_FIRST


def _numbers(doc: Document, section: str) -> _Numbers | None:
    """The section's `_Numbers` (found once, with `str.find`), or None when the section is not
    ASCII (`Cue` then searches it case-insensitively in place, where these tests are not
    exact)."""
    key = "numbers " + section
    if key in doc.cache:
        cached = doc.cache[key]
        return cached if isinstance(cached, _Numbers) else None
    found = None
    text = doc.text_of(section)
    if text.isascii():
        low = doc.lowered(section)
        found = _Numbers([], [], [])
        end = len(low)
        for digit in "0123456789":
            at = low.find(digit)
            while at >= 0:
                if not (at and low[at - 1] in _DIGITS_SET):
                    found.starts.append(at)
                after = at + 1
                if after == end or low[after] not in _DIGITS_SET:
                    if _next_char(low, after) in _DOSE_NEXT:
                        found.doses.append(at)
                    if _unit_follows(low, after) or (
                        low.startswith(_ORDINAL_SUFFIXES, after) and _unit_follows(low, after + 2)
                    ):
                        found.durations.append(at)
                at = low.find(digit, after)
        for word in _WORD_NUMBERS:
            at = low.find(word)
            while at >= 0:
                # A number word inside a longer word ("bone", "often") starts no match, and
                # ends a listed number only right after "and", "or" or "to" ("4 andeight").
                if not (at and low[at - 1] in _WORD_CHARS) or low.endswith(_JOINERS, 0, at):
                    found.starts.append(at)
                    if _unit_follows(low, at + len(word)):
                        found.durations.append(at)
                at = low.find(word, at + 1)
        for positions in found:
            positions.sort()
    doc.cache[key] = found
    return found


def _inside(positions: list[int], sentence: Sentence) -> list[int]:
    """The positions that lie inside `sentence` (`positions` ascending)."""
    return positions[bisect_left(positions, sentence.start) : bisect_left(positions, sentence.end)]


def _search(
    doc: Document, sentence: Sentence, cue: Cue, hints: Callable[[_Numbers], list[int]]
) -> Iterator[re.Match[str]]:
    """`cue.finditer` over the sentence, tried only where a number starts, and only if the
    sentence holds a number that `hints` picks out."""
    section = sentence.section
    text, lowered = doc.text_of(section), doc.lowered(section)
    numbers = _numbers(doc, section)
    if numbers is None:
        return cue.finditer(text, lowered, sentence.start, sentence.end)
    if not _inside(hints(numbers), sentence):
        return iter(())
    return cue.finditer_at(text, lowered, _inside(numbers.starts, sentence), sentence.end)


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _dose_value(match: re.Match[str], unitless: str = "particles") -> str:
    """`VALUE UNIT` as docs/schema.md writes it; a bare scientific count takes `unitless`."""
    raw = match.group(7)
    unit = unitless
    if raw is not None:
        key = _MICRO_SPELLINGS.sub("u", _SPACES.sub("", raw).lower())
        if pattern_search(_PER_ANIMAL, key):
            unit = "particles" if key.startswith("particles") else "ug"
        else:
            unit = _UNIT_NAMES[key]
    if match.group(1) is not None or match.group(3) is not None:
        mantissa = float(match.group(1) or match.group(3))
        exponent = int(match.group(2) or match.group(4))
        number = f"{_plain(mantissa)}e{exponent}"
    elif match.group(6) is not None:
        number = f"1e{int(match.group(6))}"
    else:
        number = _plain(float(match.group(5)))
    if unit.startswith("particles") and "e" not in number and float(number) >= 1e5:
        exponent = int(math.floor(math.log10(float(number))))
        number = f"{_plain(round(float(number) / 10**exponent, 3))}e{exponent}"
    return f"{number} {unit}"


# Why a dose or a duration was kept (`Finding.reason`, shown by `exobone explain`): the rule
# that read it.
_COUNT_OF_VESICLES = "a count of vesicles ('2 x 10^10 sEVs') [rule dose_count_of_vesicles]"
_DOSE_BEFORE_VESICLES = "an amount before the vesicles it measures [rule dose_before_vesicles]"
_DOSE_AFTER_VESICLES = "an amount after the vesicles ('EVs at 50 ug/mL') [rule dose_after_vesicles]"
_PARTICLE_COUNT = "a particle count in a sentence about vesicles [rule dose_particle_count]"
_LISTED = "an amount listed before the unit it shares ('25, 50 and 100 ug/mL') [rule dose_listed]"
_DURATION_RULE = "a number and a time unit, in days [rule duration]"
_UNIT_FIRST_RULE = "a time unit, then its numbers ('days 7 and 14') [rule duration_unit_first]"
# A token that names vesicles by its ending, defined or not ("PEVs", "BMSC-sEVs", "MSC-Exos").
_VESICLE_TOKEN = re.compile(r"\s*[\w-]*(?:EVs|Exos|exosomes|vesicles)\b")
# A sentence that sizes the vesicles ("86 nm", "diameter") measures the preparation: a particle
# concentration there is characterisation, not an amount given (R48). A count of NTA alone
# may be a dose ("each dose held 2 x 10(10) particles as counted by NTA").
_SIZE_MEASURED = re.compile(r"\d\s*nm\b|\bdiameters?\b", re.I)
_CELL_KINDS = frozenset({"cell_types", "origins", "species", "cell_lines"})
# Who and how may stand between vesicles and "at <dose>": "EVs were injected intravenously
# into ovariectomized mice at 200 ug".
_AT_DOSE_KINDS = _CELL_KINDS | {"delivery_routes", "conditions", "animal_models"}
_BRACKET_KINDS = _AT_DOSE_KINDS | {"biomaterials"}


_NUMBER_IN_LIST = re.compile(_NUMBER)
# An amount is the dose of what it names right after it: "first treated with 1 ug/mL
# lipopolysaccharide" after "the exosome group" (R625), "polarized with 200 U/mL IFN-gamma and
# 10 ug/mL LPS", "After stimulation with 10 ug/mL LPS, murine macrophages were treated with
# minocycline" (PMC3433324). The agents are the lexicon's: stimuli, molecules, model agents and
# labels.
_AGENT_KINDS = frozenset(
    {"preconditioning", "genes", "metabolites", "animal_models", "assays", "conditions"}
)
_OF_AFTER_AMOUNT = re.compile(r"\s*(?:of\s+)?")


def _agent_follows(text: str, end: int, mentions: list[Mention]) -> bool:
    """Whether an agent of the lexicon starts right after the amount ending at `end`."""
    at = _OF_AFTER_AMOUNT.match(text, end)
    where = at.end() if at is not None else end
    return any(m.start == where and m.kind in _AGENT_KINDS for m in mentions)


# An amount in brackets is the dose of the word right before the bracket: "To inhibit exosome
# secretion, GW4869 (1.25 mg/kg) was given" names the inhibitor's dose, "BMSC-Exos (100 ug/kg)"
# and "exosomes derived from BMSCs (100 ug)" the vesicles'. The word may be the vesicles, their
# cells, a route or carrier (`_BRACKET_WORD_KINDS`) or a word of these.
_BRACKET_WORD_KINDS = _CELL_KINDS | {"delivery_routes", "biomaterials"}
_BRACKET_WORD = re.compile(
    r"\b(?:doses?|concentrations?|amounts?|groups?|mice|rats|rabbits|animals|each|weekly|daily"
    r"|injections?|pbs|saline"
    r"|solutions?|suspensions?)\s*$",
    re.IGNORECASE,
)


def _bracket_of_other(text: str, vesicle_end: int, start: int, mentions: list[Mention]) -> bool:
    """Whether the amount at `start` is in a bracket after a word that names neither the
    vesicles before it nor their cells, route or carrier."""
    bracket = text.rfind("(", vesicle_end, start)
    if bracket < 0 or text[bracket + 1 : start].strip():
        return False
    word_end = bracket
    while word_end > vesicle_end and text[word_end - 1].isspace():
        word_end -= 1
    if word_end == vesicle_end or pattern_search(_BRACKET_WORD, text, vesicle_end, word_end):
        return False
    return not any(m.end == word_end and m.kind in _BRACKET_WORD_KINDS for m in mentions)


def _listed_before(text: str, start: int, sentence_start: int) -> re.Match[str] | None:
    """The amounts listed just before a dose's number that share its unit, if any."""
    return pattern_search(_LISTED_BEFORE, text, max(sentence_start, start - 80), start)


def _doses(doc: Document, sentence: Sentence, vesicles: list[Mention]) -> Iterator[Finding]:
    text = doc.text_of(sentence.section)
    mentions = doc.in_sentence(sentence)
    for match in _search(doc, sentence, _DOSE, lambda numbers: numbers.doses):
        start, end = match.start(), match.end()
        unitless = match.group(7) is None
        value = _dose_value(match)
        counted = not unitless and match.group(7).lower().startswith("particles")
        if not (unitless or counted) and value.endswith("particles/mL"):
            # the unit names the vesicles: "1 x 10^9 exosomes/mL"
            span = Span(start, end, sentence.index, sentence.section)
            yield Finding("doses", value, span, _COUNT_OF_VESICLES)
            continue
        listed = None if unitless or counted else _listed_before(text, start, sentence.start)
        if listed is not None:  # the vesicles stand before the whole list
            start = listed.start(1)
        after = [v for v in vesicles if v.start >= end]
        before = [v for v in vesicles if v.end <= start]
        ok = False
        rule = _COUNT_OF_VESICLES if unitless else _DOSE_BEFORE_VESICLES
        if after and after[0].start - end < 40:
            gap = text[end : after[0].start]
            # Words glued to the vesicle name ("IL1-Exos", "TNF-EVs") are part of the name.
            name_start = end + max(gap.rfind(" "), gap.rfind("\n")) + 1
            gap_mentions = [
                m
                for m in mentions
                if end <= m.start < after[0].start
                and m.kind not in _CELL_KINDS
                and m.kind != "vesicle_types"
                and not (m.start >= name_start and gap.endswith("-"))
            ]
            if unitless:  # "2 x 10^10 sEVs": the vesicle word is the unit
                ok = not gap_mentions and not gap.strip(" -")
            else:
                ok = not gap_mentions and bool(
                    pattern_match(_DOSE_BEFORE_VESICLE, gap)
                    or pattern_match(_BRACKETED_BEFORE_VESICLE, gap)
                )
        if unitless:
            if ok or pattern_match(_VESICLE_TOKEN, text, end):
                span = Span(start, end, sentence.index, sentence.section)
                yield Finding("doses", value, span, rule)
            continue
        # Particles in a sentence that sizes the vesicles are their concentration (R48).
        sized = counted and bool(pattern_search(_SIZE_MEASURED, text, sentence.start, sentence.end))
        if not ok and not sized and before and start - before[-1].end < 90:
            gap = text[before[-1].end : start]
            others = [
                m
                for m in mentions
                if before[-1].end <= m.start < start and m.kind != "vesicle_types"
            ]
            # "EVs were added to chondrocytes at 50 ug/mL": cells may stand between; so may
            # the carrier before an amount in brackets, "treated with BMSC-EVs in fibrin glue
            # (25 ug in 10 uL)" (R136, doi:10.1186/s12967-019-1960-x).
            if others and pattern_search(_AT_DOSE, gap):
                others = [m for m in others if m.kind not in _AT_DOSE_KINDS]
            elif others and gap.rstrip().endswith("("):
                others = [m for m in others if m.kind not in _BRACKET_KINDS]
            ok = (
                not others
                and ";" not in gap
                and (start - before[-1].end < 60 or bool(pattern_search(_AT_DOSE, gap)))
                and bool(pattern_search(_VESICLE_BEFORE_DOSE, gap))
                and not _bracket_of_other(text, before[-1].end, start, mentions)
                and not _agent_follows(text, end, mentions)
            )
            rule = _DOSE_AFTER_VESICLES
        if not ok and not sized and counted:
            ok = True  # particle counts in a vesicle sentence count vesicles
            rule = _PARTICLE_COUNT
        if not ok:
            continue
        if listed is not None:
            unit = value.split(" ", 1)[1]
            for number in _NUMBER_IN_LIST.finditer(text, listed.start(1), listed.end(1)):
                span = Span(number.start(), number.end(), sentence.index, sentence.section)
                yield Finding("doses", f"{_plain(float(number.group()))} {unit}", span, _LISTED)
        span = Span(match.start(), end, sentence.index, sentence.section)
        yield Finding("doses", value, span, rule)


def _to_days(number: str, unit: str) -> int | None:
    value = float(_WORD_NUMBERS.get(number.lower(), 0) or number)
    unit = unit.lower().rstrip("s")
    if unit in ("h", "hr", "hour"):
        return max(1, math.floor(value / 24 + 0.5))
    per = _DAYS_PER.get(unit)
    if per is None:
        return None
    return max(1, math.floor(value * per + 0.5)) if value else None


def _not_a_period(text: str, sentence: Sentence, start: int) -> bool:
    """Whether the words before `start` make the number a frequency or an age ("every 3 days")."""
    words_end = start
    while words_end > sentence.start and text[words_end - 1].isspace():
        words_end -= 1
    # The cue is at most nine characters before the spaces; \b still sees the text before.
    return bool(pattern_search(_NOT_PERIOD_LEAD, text, max(sentence.start, words_end - 11), start))


# A period in years is a follow-up (docs/schema.md): "at the 1-year follow-up" and "At one
# year, an injection of 2 cc ... appears safe" (R441, doi:10.52793/JSCR.2021.2(2)-21), "a
# follow-up period of one year" (MACT of the knee, PMC3532629), "6-year follow-up of 84
# patients" (doi:10.3109/17453674.2010.519166), or a time after the study's event ("bone was
# found in one rat one year after implantation", sponges implanted in rats, discovery.researcher
# .life d8ec0bbb94f237599ffb4b8259c41d00). Ages ("the median age of patients was 60 years",
# doi:10.1097/RLI.0000000000000942), how long symptoms lasted and a plan ("will be followed for
# at least two years", R441) are not.
_FOLLOW_UP_AFTER = re.compile(r"[\s-]*follow[\s-]?ups?\b", re.IGNORECASE)
_FOLLOW_UP_BEFORE = re.compile(
    r"(?:\bfollow[\s-]?ups?\s+(?:period\s+)?(?:of\s+)?|\bat\s+(?:the\s+)?)$", re.IGNORECASE
)


def _years_followed(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether a period in years is a follow-up: "follow-up" or the event it counts from
    after it, or "follow-up of" or "at" before it."""
    start, end = match.span()
    return bool(
        pattern_match(_FOLLOW_UP_AFTER, text, end, min(sentence.end, end + 12))
        or pattern_match(_AFTER_EVENT, text, end, sentence.end)
        or pattern_search(_FOLLOW_UP_BEFORE, text, max(sentence.start, start - 30), start)
    )


def _is_dimension(text: str, match: re.Match[str]) -> bool:
    """ "3D-printed", "a 3D culture": a capital D on the number, or a "d" joined on by a
    hyphen, is a dimension, not days ("7d" and "7 d" stay days)."""
    unit = match.start(2)
    return match.group(2) in ("d", "D") and (
        text[unit] == "D" or text[match.end() : match.end() + 1] == "-"
    )


# How long a carrier went on releasing its load is a measured property of the carrier, not a
# stated period of the experiment (R442's 'releasing them steadily for more than 16 days',
# above): "fibrin extended the release of exosomes from 2 to 6 days" (R125,
# doi:10.3389/fbioe.2023.1198545), "the exosomes were released by 60 h" and "in release
# studies ... out by 36 h" (R605, doi:10.1021/acsnano.6c00315), "Exo released continuously
# from Exo-Gel for 28 days" (R28, doi:10.1186/s12951-022-01245-8). A release by cells ("IL-6
# released by chondrocytes treated with exosomes for 24 h", "cells released exosomes, which
# were given to rats for 4 weeks") times their culture or the treatment.
_RELEASE_STUDY = re.compile(
    r"\breleas\w*\s+(?:stud(?:y|ies)|profiles?|kinetics|assays?|tests?|curves?)\b"
    r"|\b(?:sustained|cumulative|controlled)\s+release",
    re.IGNORECASE,
)
_RELEASED_KINDS = frozenset({"vesicle_types", "biomaterials"})
_RELEASING_KINDS = frozenset({"cell_types", "cell_lines"})
_TREATED_SINCE = re.compile(
    r"\b(?:inject|administ|given|gave|treat|cultur|incubat|expos|stimulat)\w*", re.IGNORECASE
)


def _released(doc: Document, sentence: Sentence, start: int) -> bool:
    """Whether the period at `start` is how long a carrier released vesicles or a drug."""
    lead_start = max(sentence.start, start - 70)
    release = doc.lowered(sentence.section).find("releas", lead_start, start)
    if release < 0:
        return False
    text = doc.text_of(sentence.section)
    if pattern_search(_RELEASE_STUDY, text, lead_start, start):
        return True
    if pattern_search(_TREATED_SINCE, text, release, start):
        return False  # "cells released exosomes, which were given to rats for 4 weeks"
    near = [m for m in doc.in_sentence(sentence) if lead_start <= m.start < start]
    return any(m.kind in _RELEASED_KINDS for m in near) and not any(
        m.kind in _RELEASING_KINDS for m in near
    )


def _durations(doc: Document, sentence: Sentence) -> Iterator[Finding]:
    # The sentence is searched in place (its neighbours are spaces or closing marks, never part
    # of a number), so offsets are already those of the section text.
    text = doc.text_of(sentence.section)
    lowered = doc.lowered(sentence.section)
    seen: list[tuple[int, int]] = []
    for match in _search(doc, sentence, _DURATION, lambda numbers: numbers.durations):
        start, end = match.span()
        if _not_a_period(text, sentence, start) or _is_dimension(text, match):
            continue
        if match.group(2).lower().startswith("year") and not _years_followed(text, sentence, match):
            continue
        seen.append((start, end))
        if _released(doc, sentence, start):
            continue
        for number in _NUMBERS.findall(match.group(1) + " "):  # " ": the words' lookahead
            days = _to_days(number, match.group(2))
            if days is not None:
                span = Span(start, end, sentence.index, sentence.section)
                yield Finding("durations_days", str(days), span, _DURATION_RULE)
    for match in _REVERSED.finditer(text, lowered, sentence.start, sentence.end):
        start, end = match.span()
        if any(s <= start < e for s, e in seen):
            continue
        lead = text[max(sentence.start, start - 16) : start]
        plural = match.group(1) is not None
        on_days = plural and lead.lower().endswith("on ")
        if on_days and pattern_match(_AFTER_EVENT, text, end):
            on_days = bool(
                pattern_search(_GIVEN_BEFORE, text, max(sentence.start, start - 60), start)
            )
        if pattern_search(_SCHEDULE_LEAD, lead) or on_days:
            continue
        unit, numbers = (match.group(1), match.group(2)) if plural else match.group(3, 4)
        for item in _RANGE_END.finditer(numbers):
            days = _to_days(item.group(1) or item.group(), unit)
            if days is not None:
                span = Span(start, end, sentence.index, sentence.section)
                yield Finding("durations_days", str(days), span, _UNIT_FIRST_RULE)


def extract(doc: Document) -> Iterator[Finding]:
    if doc.review:
        return
    by_sentence: dict[int, list[Mention]] = {}
    for v in analyse(doc).vesicles:
        if v.section == "abstract":
            by_sentence.setdefault(v.sentence, []).append(v)
    for sentence in doc.sentences:
        if doc.is_background(sentence) or sentence.section == "title":
            continue
        here = by_sentence.get(sentence.index)
        if here:
            yield from _doses(doc, sentence, here)
        yield from _durations(doc, sentence)
