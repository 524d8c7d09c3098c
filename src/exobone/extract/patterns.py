"""Mentions that are shapes rather than dictionary entries: miRNAs, lncRNAs, gene symbols,
species prefixes on cell abbreviations, and vesicle suffixes glued to a cell name.

Each finder returns `Match`es (start, end, entries) in the text's coordinates; the pipeline
merges them with the lexicon matches (dictionary terms win where they overlap).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from exobone.extract.cues import CueHits, needle_set
from exobone.extract.scanning import Relaxed, required_texts
from exobone.lexicon import Entry, Lexicon, Match
from exobone.text.calls import is_ascii, match_end, match_start

_ALNUM: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_ALNUM_SET: Final = frozenset(_ALNUM)


def _start(m: re.Match[str]) -> int:
    return m.start()


def _folded_set(needles: tuple[str, ...]) -> int:
    """The id of `needles` lower-cased as a set the lexicon's pass over each section finds
    (`needle_set`), when each is a run of letters and digits (which the pass finds as written);
    -1 otherwise. A section without one of them holds none of `needles` in any case, and is not
    scanned for each (an `in` test over the whole abstract, about 1.5 K instructions apiece)."""
    folded = tuple(sorted({needle.lower() for needle in needles}))
    if not folded or not all(text.isalnum() and text.isascii() for text in folded):
        return -1
    return needle_set(folded)


def _may_hold(
    text: str, needles: tuple[str, ...], folded_id: int, hits: CueHits | None
) -> bool:
    """Whether `text` holds one of `needles` (`folded_id`: their `_folded_set`; `hits`: the
    needles found in `text`, an ASCII section, by the lexicon's pass, if known)."""
    if hits is not None and 0 <= folded_id < hits.known and not hits.may_match(
        folded_id, 0, len(text)
    ):
        return False
    for needle in needles:  # noqa: SIM110 (a loop: any() makes a generator)
        if needle in text:
            return True
    return False


class _Shape:
    """A regex whose match may not follow a character of `not_after`.

    The check is made here rather than by a leading lookbehind, which would keep the regex
    engine from skipping ahead to the pattern's first character; `needles` are substrings of
    which every match holds one, so that a text with none of them is not searched at all.
    """

    def __init__(self, pattern: str, not_after: str, needles: tuple[str, ...] = ()) -> None:
        self.regex = re.compile(pattern)
        self.not_after = frozenset(not_after)
        self.needles = needles
        self.folded_id = _folded_set(needles)
        # searched first: a pattern opening on an optional prefix or a class ("(?:hsa_)?[Cc]irc")
        # gives the regex engine no literal to skip ahead to
        self.relaxed = Relaxed.of(pattern, self.regex.flags)

    def _search(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        if self.relaxed is None:
            return self.regex.search(text, pos, end)
        return self.relaxed.search(self.regex, text, pos, end)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None, hits: CueHits | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches `(?<![not_after])pattern` would give, left to right, without overlaps
        (`hits`: the cues' needles found in `text`, an ASCII section, if known)."""
        if self.needles and not _may_hold(text, self.needles, self.folded_id, hits):
            return
        end = len(text) if endpos is None else endpos
        if not self.not_after:
            if self.relaxed is None:
                yield from self.regex.finditer(text, pos, end)
            else:
                yield from self.relaxed.finditer(self.regex, text, pos, end)
            return
        search = self._search
        m = search(text, pos, end)
        while m is not None:
            start = m.start()
            if start and text[start - 1] in self.not_after:
                m = search(text, start + 1, end)
                continue
            yield m
            m = search(text, m.end(), end)


# miRNA names are searched by themselves, with one regex per literal start (which the regex
# engine finds far faster than a character of a set, or than every offset for "(?:hsa-)?miR");
# a species prefix ("hsa-") before a name is taken in after.
# The full name may carry its short form in brackets before the number: "microRNA (miR)-136-5p"
# (10.1302/2046-3758.1012.BJR-2020-0275.R2), "microRNA (miR)-199a" (10.1080/15384101.2020.1863682).
_MIRNA_TAIL: Final = r"[- ]?(\d{1,4}[a-z]?(?:-\d)?)(?:-(5p|3p))?(?![A-Za-z0-9])"
_SHORT_IN_BRACKETS: Final = r"(?: ?\(mi(?:R|RNA)\))?"
_MIRNAS: Final = tuple(
    re.compile(names + _MIRNA_TAIL)
    for names in (
        f"mi(?:R|r|croRNA{_SHORT_IN_BRACKETS}|RNA)",
        f"Mi(?:R|croRNA{_SHORT_IN_BRACKETS})",
        "MIR",
    )
)
_MIRNA_NEEDLES: Final = ("miR", "mir", "MiR", "MIR", "icroRNA")  # every name holds one
_MIRNA_FOLDED: Final = _folded_set(_MIRNA_NEEDLES)
# A list that names the first miRNA in full and the next ones by their number alone: 'miR-34a,
# -30c, -125a, -24, -92a, -150 and -186' (R662, doi:10.1172/jci.insight.125019),
# 'hsa-miR-4487, -4532 and -7108-5p' (R723): each number after a comma or 'and' is one more
# miRNA.
_MIRNA_SHORTHAND: Final = re.compile(
    r"(?:,\s*|,?\s+(?:and|or)\s+)(-([1-9]\d{0,3}[a-z]?(?:-\d)?)(?:-(5p|3p))?)(?![A-Za-z0-9-]|\.\d)"
)
_MIRNA_SPECIES: Final = ("hsa-", "mmu-", "rno-")
_LET7: Final = _Shape(
    r"(?:(?:hsa|mmu|rno)-)?let-7([a-z]?)(?:-(5p|3p))?(?![A-Za-z0-9])", _ALNUM, ("let-7",)
)
_LNC_PREFIXED: Final = _Shape(
    r"lnc(?:RNA)?[ -]?(?!RNA)([A-Z][A-Za-z0-9]*(?:-AS\d+)?)(?![A-Za-z0-9])", _ALNUM, ("lnc",)
)
# circRNAs: "circHIPK3", "circRNA-ITCH", "circ_0001234", "hsa_circ_0001234" (kind "lncrna":
# docs/schema.md names non-coding RNAs other than miRNAs by their own name).
_CIRC: Final = _Shape(
    r"(?:hsa_)?[Cc]irc(?:RNA)?[ _-]?(?!RNAs?(?![A-Za-z0-9]))"
    r"(?:([A-Z][A-Za-z0-9]*\d[A-Za-z0-9]*|[A-Z]{2,}[A-Za-z0-9]*)|_?(\d{5,8}))(?![A-Za-z0-9])",
    _ALNUM,
    ("circ", "Circ"),
)
_ANTISENSE: Final = _Shape(r"([A-Z][A-Z0-9]+-AS\d+)(?![A-Za-z0-9])", _ALNUM + "-", ("-AS",))
# Gene symbols in capitals ("SIRT1", "MMP-13": groups 2 and 3) or in mouse style ("Runx2":
# group 4), after the capital of group 1 that both start with: one regex, so the text's
# capitals are scanned once. It is written over classes of characters (capitals C, small
# letters S, digits D and d), so that it is read over an ASCII text's shapes too (`_SHAPES`:
# each capital "A", small letter "a", digit "0"), where it opens with a literal the regex
# engine skips ahead to instead of a class it tests at every offset; the matches are at the
# same offsets.
_GENE_FORM: Final = (
    r"([{C}])(?:([{C}{D}]{{1,9}})(?:-({d}{{1,3}}[{C}]?))?|([{S}]{{2,5}}{d}{{1,2}}[{S}]?{d}?))"
    r"(?![{C}{S}{D}])"
)
_GENE: Final = re.compile(_GENE_FORM.format(C="A-Z", S="a-z", D="0-9", d=r"\d"))
# Over the shapes the symbol is read with the space before it ("shapes" given a space before
# the first character): a symbol may not follow a letter, digit or hyphen, so only a capital
# after a space (any other ASCII character's shape) may open one, and the regex engine skips
# ahead to the two characters " A" instead of trying every capital, those inside words too
# ("hBMSCs", "MSCs"). A match refused for following such a character holds no space, so no
# match kept overlaps it: the matches kept are the same.
_GENE_SHAPES: Final = re.compile(b" " + _GENE_FORM.format(C="A", S="a", D="0", d="0").encode())
_SHAPES: Final = bytes(
    b"A"[0] if chr(c).isupper() else b"a"[0] if chr(c).islower() else b"0"[0]
    if chr(c).isdigit() else c if chr(c) == "-" else b" "[0]
    for c in range(128)
) + b" " * 128
_MANY_DIGITS: Final = re.compile(r"\d{4,}")


def shapes_of(text: str) -> bytes | None:
    """`text`'s shapes (`_SHAPES`), which the gene and prefixed-cell finders both read; None
    for a text other than ASCII (they then read the text itself)."""
    return text.encode("ascii").translate(_SHAPES) if is_ascii(text) else None


# The prefixed word must go on with a capital ("hBMSCs") or "i" and a capital ("hiPSCs", and
# "HiPSC" for "H"). One regex per prefix letter: the regex engine finds a literal start far
# faster than a character of a set.
_PREFIXED: Final = (
    *(re.compile(f"({letter})((?:[A-Z]|i[A-Z])[A-Za-z0-9]*)") for letter in "hrmp"),
    re.compile(r"(H)(i[A-Z][A-Za-z0-9]*)"),
)
# Over an ASCII text's shapes (`_SHAPES`), each such word holds a small letter (the prefix, or
# the "i" after it) before a capital: rare in prose, where the letters "h", "r", "m", "p" of
# `_PREFIXED` are in most words. `bytes.find` looks for it (faster than a regex's search, which
# stops at every small letter), and the word runs on over letters and digits to its end, as
# `_PREFIXED`'s match does.
_SMALL_CAPITAL: Final = b"aA"
_WORD_SHAPES: Final = b"Aa0"
_PREFIX_LETTERS: Final = "hrmp"  # "H" only before "i"
_HYPHEN_PART: Final = re.compile(r"-([A-Za-z0-9]+)")
_GLUED: Final = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z0-9][A-Za-z0-9-]*?)-?(exos?|Exos?|EXOs?|EVs?|sEVs?)(?![A-Za-z0-9])"
)
# A glued suffix ("exo", "Exo", "EXO", "EV", maybe plural, not followed by a letter or digit)
# ends a run of letters, digits and hyphens; only such runs are searched. Each suffix is found
# by `str.find`, far faster than a regex's search for it.
_SUFFIXES: Final = ("exo", "Exo", "EXO", "EV")
_RUN_CHARS: Final = frozenset(_ALNUM + "-")

# "EV" with a name glued after it: "EVsABPC" (EVs of antler blastema progenitor cells,
# 10.1038/s43587-025-00918-x), "OB-EVDex" (EVs of dexamethasone-treated osteoblasts,
# 10.3389/fbioe.2023.1160703). The glued part is a capital then a lower-case letter, or any
# capital after the plural, so gene symbols (EVI1) stay genes; "Exo" is left out, as kit and
# product names begin so (ExoQuick, ExoFlo).
_LEADING_EV: Final = re.compile(r"EV(?:s[A-Z]|[A-Z][a-z])[A-Za-z0-9]*(?![A-Za-z0-9])")

# Priming names glued to a vesicle name ("IL1-Exos", "TNF-EVs", "Hypo-Exos", "LPS-EVs"); a bare
# "H" means hypoxia only in a text that speaks of hypoxia.
_PRIMING: Final = {
    "h": "hypoxia", "hypo": "hypoxia", "hypoxia": "hypoxia", "hypoxic": "hypoxia",
    "hx": "hypoxia", "tnf": "TNF_alpha", "tnfa": "TNF_alpha", "tnfalpha": "TNF_alpha",
    "il1": "IL_1beta", "il1b": "IL_1beta", "il1beta": "IL_1beta", "lps": "LPS",
}  # fmt: skip
_SPECIES_PREFIX: Final = {"h": "human", "H": "human", "r": "rat", "m": "mouse", "p": "pig"}
_CELL_OR_SPECIES: Final = frozenset({"cell_types", "origins", "cell_lines", "species"})


def mirna_label(number: str, arm: str | None) -> str:
    """`miR-N` as docs/schema.md writes it: no species prefix, the arm only when written."""
    return f"miR-{number}" + (f"-{arm}" if arm else "")


def circ_label(name: str | None, number: str | None) -> str:
    """`circHIPK3` for a named circRNA, `circ_0001234` for a numbered one."""
    return f"circ{name}" if name else f"circ_{number}"


def find_rnas(text: str, hits: CueHits | None = None) -> list[Match]:
    """miRNA and lncRNA mentions (`hits`: the cues' needles found in `text`, an ASCII section,
    by the lexicon's pass, if known)."""
    out: list[Match] = []
    if _may_hold(text, _MIRNA_NEEDLES, _MIRNA_FOLDED, hits):
        for m in sorted((m for names in _MIRNAS for m in names.finditer(text)), key=_start):
            start = m.start()
            # Like the name, a species prefix may not follow a letter or digit; if it does, the
            # name alone is the mention.
            if start >= 4 and text.startswith(_MIRNA_SPECIES, start - 4):
                if start == 4 or text[start - 5] not in _ALNUM_SET:
                    start -= 4
            elif start and text[start - 1] in _ALNUM_SET:
                continue
            out.append((start, m.end(), (("mirna", mirna_label(m.group(1), m.group(2))),)))
            end = m.end()
            while (more := _MIRNA_SHORTHAND.match(text, end)) is not None:
                out.append(
                    (more.start(1), more.end(1), (("mirna", mirna_label(more[2], more[3])),))
                )
                end = more.end()
    out += [
        (
            m.start(),
            m.end(),
            (("mirna", "let-7" + m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")),),
        )
        for m in _LET7.finditer(text, hits=hits)
    ]
    out += [
        (m.start(), m.end(), (("lncrna", m.group(1)),))
        for shape in (_LNC_PREFIXED, _ANTISENSE)
        for m in shape.finditer(text, hits=hits)
    ]
    out += [
        (m.start(), m.end(), (("lncrna", circ_label(m.group(1), m.group(2))),))
        for m in _CIRC.finditer(text, hits=hits)
    ]
    return out


# A symbol of capitals alone ("PRKCD", "IKBKB") looks like any abbreviation ("ACLR", "IVDD"),
# so it is taken for a gene only where the words around it treat it as one: the object of a
# regulating verb or of "expression of" ("by suppressing PRKCD", 10.1186/s12951-021-01015-y;
# "direct targeting of IKBKB", 10.1186/s13287-020-02039-1), or followed by "expression",
# "mRNA", "protein". Gene families written without a number ("SMAD", "KLF") are `not_genes`.
_BARE_BEFORE: Final = re.compile(
    r"(?:\btarget(?:s|ed|ing)?|\bsuppress\w*|\binhibit\w*|\bactivat\w*|\bsilenc\w*"
    r"|\bknock(?:ing|ed)?[- ]?down|\boverexpress\w*|\b(?:down|up)-?regulat\w*"
    r"|\b(?:expression|levels?|phosphorylation|knockdown|silencing|overexpression))"
    r"(?:\s+(?:of|the))*\s+$",
    re.IGNORECASE,
)
_BARE_AFTER: Final = re.compile(r"\s+(?:expression|mRNA|protein|gene)\b", re.IGNORECASE)
# One of which every match of `_BARE_BEFORE` holds, lower-cased: an ASCII window (where
# lower-casing and IGNORECASE agree) with none of them is not searched.
_BARE_BEFORE_TEXTS: Final = required_texts(_BARE_BEFORE.pattern)
# A symbol the lexicon does not know, written just before "cells" or "cell line", names a cell
# line, not a gene: "OCCM-30 cells" (cementoblasts, 10.1111/odi.14671), "osteoarthritic SW982
# cells" (synovial sarcoma cells, 10.1007/s13770-020-00324-x). Every mention of that symbol in
# the text then names the line ("OCCM-30 cementoblasts").
_CELL_LINE_AFTER: Final = re.compile(r"[ \t]+cell(?:s|[ \t]+lines?)\b")
# A symbol followed by a Greek letter, as the letter or spelled after a space or hyphen, is the
# front of an isoform's name ("HIF-3α", "HIF-3 alpha", "GSK-3α", "CK2α", "HNF-4 alpha"): the
# shape would give a false symbol (HIF3, GSK3, CK2, HNF4). The lexicon reads the isoforms it
# lists in every spelling (loader.greek_spellings); an unlisted one gives no symbol.
# (the characters after a symbol that start no Greek letter: most symbols end at one of them)
_PLAIN_AFTER: Final = frozenset(",.;:)(/]")
_GREEK_AFTER: Final = re.compile(
    r"[\u0391-\u03a9\u03b1-\u03c9]"
    r"|[ -](?:alpha|beta|gamma|delta|epsilon|zeta|kappa|theta)(?![a-z])",
    re.IGNORECASE,
)


def _symbol_ok(symbol: str, lexicon: Lexicon) -> bool:
    if symbol in lexicon.gene_symbols:
        return True
    if not 3 <= len(symbol) <= 10 or symbol in lexicon.not_genes or _MANY_DIGITS.search(symbol):
        return False
    return any(c.isdigit() for c in symbol) and not symbol[0].isdigit()


def _bare_symbol_ok(symbol: str, text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """A symbol without a digit, four to six capitals, that its sentence treats as a gene."""
    if not 4 <= len(symbol) <= 6 or not symbol.isalpha() or symbol in lexicon.not_genes:
        return False
    if _BARE_AFTER.match(text, end):
        return True
    begin = max(0, start - 40)
    window = text[begin:start]
    if window.isascii():
        low = window.lower()
        for needed in _BARE_BEFORE_TEXTS:  # a loop: any() over a generator costs a frame
            if needed in low:
                break
        else:
            return False
    return _BARE_BEFORE.search(text, begin, start) is not None


def find_gene_symbols(text: str, lexicon: Lexicon, shapes: bytes | None) -> list[Match]:
    """Gene symbols written as symbols (`SIRT1`, `MMP-13`, `Runx2`, and `PRKCD` where it is
    treated as a gene) that the lexicon lacks; `shapes` is `shapes_of(text)`."""
    out: list[Match] = []
    # (matches of the text, or of its shapes after a space: a match there opens with that
    # space, so its start is the symbol's in the text, and its end one past the symbol's)
    found: Iterator[re.Match[Any]] = (
        _GENE.finditer(text) if shapes is None else _GENE_SHAPES.finditer(b" " + shapes)
    )
    for m in found:
        start = match_start(m)
        if shapes is None:
            # A symbol may not follow a letter, digit or hyphen. It holds only such characters,
            # so a match refused for that hides no other one that could be kept.
            if start and text[start - 1] in _RUN_CHARS:
                continue
            end = match_end(m)
        else:
            end = match_end(m) - 1
        words = text[start:end]
        # in capitals (group 2) the symbol is the words less the hyphen before a number
        # (group 3, the only hyphen); in mouse style, the words in capitals
        capitals = match_start(m, 2) >= 0
        symbol = words.replace("-", "") if capitals else words.upper()
        if end < len(text) and text[end] not in _PLAIN_AFTER and _GREEK_AFTER.match(text, end):
            continue
        if _symbol_ok(symbol, lexicon) or (
            capitals and "-" not in words and _bare_symbol_ok(symbol, text, start, end, lexicon)
        ):
            out.append((start, end, (("genes", symbol),)))
    if out and "cell" in text:
        lines = {
            entries[0][1]
            for _, end, entries in out
            if _CELL_LINE_AFTER.match(text, end) and entries[0][1] not in lexicon.gene_symbols
        }
        if lines:
            return [m for m in out if m[2][0][1] not in lines]
    return out


def _cell_entries(token: str, lexicon: Lexicon, abbreviations: dict[str, set[Entry]]) -> set[Entry]:
    """What a cell abbreviation says, from the lexicon or the record's own definitions."""
    for form in (token, token[:-1] if token.endswith("s") else token + "s"):
        found = {e for e in lexicon.lookup(form) if e[0] in _CELL_OR_SPECIES}
        found |= {e for e in abbreviations.get(form, ()) if e[0] in _CELL_OR_SPECIES}
        if any(e[0] in ("cell_types", "cell_lines") for e in found):
            return found
    return set()


def _defined_whole(word: str, abbreviations: dict[str, set[Entry]]) -> bool:
    """Whether the record defines `word` itself as a short form: its long form, not the first
    small letter, then says what it names ("mature osteoclasts (mOCs)" and their "mOC-ABs",
    R1200; "rabbit bone marrow stromal cells (rBMSCs)", R125)."""
    return any(
        form in abbreviations for form in (word, word + "s", word.removesuffix("s"))
    )


def _prefixed_over_text(text: str) -> list[tuple[int, int]]:
    """Where each word of `_PREFIXED` starts (its species letter) and ends, left to right."""
    found = [m.span() for prefixed in _PREFIXED for m in prefixed.finditer(text)]
    found.sort()
    return found


def _prefixed_over_shapes(text: str, shapes: bytes) -> list[tuple[int, int]]:
    """`_prefixed_over_text(text)` for an ASCII text, read over its `shapes`, less words that
    follow a letter or digit inside a word found before (refused by the caller either way)."""
    found = []
    size = len(shapes)
    at = shapes.find(_SMALL_CAPITAL)
    while at >= 0:
        end = at + 2
        while end < size and shapes[end] in _WORD_SHAPES:
            end += 1
        letter = text[at]
        if letter in _PREFIX_LETTERS:  # "hBMSCs"
            found.append((at, end))
        elif letter == "i" and at and text[at - 1] in _PREFIX_LETTERS + "H":  # "hiPSCs"
            found.append((at - 1, end))
        at = shapes.find(_SMALL_CAPITAL, end)
    return found


def find_prefixed_cells(
    text: str, lexicon: Lexicon, abbreviations: dict[str, set[Entry]], shapes: bytes | None
) -> list[Match]:
    """`hBMSCs`, `rBMSCs-OVX`, `mBMSC`, `HiPSC`: the species letter and the cell it prefixes
    (`shapes` is `shapes_of(text)`)."""
    out: list[Match] = []
    found = _prefixed_over_text(text) if shapes is None else _prefixed_over_shapes(text, shapes)
    for start, end in found:
        # A match may not follow a letter or digit. It holds only letters and digits, so a
        # match refused for that hides no other one that could be kept.
        if start and text[start - 1] in _ALNUM_SET:
            continue
        if _defined_whole(text[start:end], abbreviations):
            continue
        core = text[start + 1 : end]
        entries = _cell_entries(core, lexicon, abbreviations)
        if not entries:
            # "hUC-MSCs", "rBM-MSCs": the letters before the hyphen name a tissue, the two
            # parts together the cell.
            part = _HYPHEN_PART.match(text, end)
            if part is None:
                continue
            core = f"{core}-{part.group(1)}"
            entries = _cell_entries(core, lexicon, abbreviations)
            if not entries:
                continue
        out.append((start, start + 1, (("species", _SPECIES_PREFIX[text[start]]),)))
        out.append((start + 1, start + 1 + len(core), tuple(sorted(entries))))
    return out


def _suffix_hits(text: str) -> list[tuple[int, int]]:
    """Where a suffix of `_SUFFIXES` (plural or not) ends a word and follows a letter, digit
    or hyphen, in text order."""
    hits = []
    size = len(text)
    for suffix in _SUFFIXES:
        at = text.find(suffix, 1)
        while at >= 0:
            if text[at - 1] in _RUN_CHARS:
                end = at + len(suffix)
                if end < size and text[end] == "s":
                    end += 1
                if end == size or text[end] not in _ALNUM_SET:
                    hits.append((at, end))
            at = text.find(suffix, at + 1)
    hits.sort()
    return hits


def _glued(text: str) -> list[re.Match[str]]:
    """`_GLUED`'s matches in `text`: each lies in one run of letters, digits and hyphens that
    ends in a vesicle suffix, so only those runs are searched."""
    out: list[re.Match[str]] = []
    reached = 0
    for start, end in _suffix_hits(text):
        if start < reached:
            continue
        while start > 0 and text[start - 1] in _RUN_CHARS:
            start -= 1
        while end < len(text) and text[end] in _RUN_CHARS:
            end += 1
        reached = end
        out += _GLUED.finditer(text, start, end)
    return out


def find_glued_vesicles(
    text: str, lexicon: Lexicon, abbreviations: dict[str, set[Entry]]
) -> list[Match]:
    """`3T3L1exo`, `ASC-EXO`, `MSC-EVs`: a vesicle suffix on a cell name, both parts found;
    `EVsABPC`, `EVDex`: a name glued after "EV", the vesicle part found."""
    out: list[Match] = []
    for m in _LEADING_EV.finditer(text):
        start = match_start(m)
        if start and text[start - 1].isalnum():
            continue
        plural = text[start + 2] == "s"
        end = start + (3 if plural else 2)
        out.append((start, end, (("vesicle_types", "extracellular_vesicle"),)))
    for m in _glued(text):
        cell = m[1]
        entries = _cell_entries(cell, lexicon, abbreviations)
        if not entries:
            line = lexicon.cell_lines.get(cell)
            priming = _PRIMING.get(cell.lower().replace("-", ""))
            if line is not None:
                entries = {("cell_lines", line.name)}
            # (the text is looked at for "ypox" only when a bare "H" asks)
            elif priming and (priming != "hypoxia" or len(cell) > 1 or "ypox" in text):
                entries = {("preconditioning", priming)}
            else:
                continue
        out.append((match_start(m, 1), match_end(m, 1), tuple(sorted(entries))))
        out.append(
            (
                match_start(m, 2),
                match_end(m, 2),
                (
                    (
                        "vesicle_types",
                        "exosome"
                        if m[2].lower().startswith(("exo", "sev"))
                        else "extracellular_vesicle",
                    ),
                ),
            )
        )
    return out
