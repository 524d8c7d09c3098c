import random
import re

from exobone.text.abbreviations import _words_before, find_abbreviations, match_long_form


def defs(text: str) -> dict[str, str]:
    return {a.short: a.long for a in find_abbreviations(text)}


def test_long_form_then_short_form():
    text = "exosomes from human umbilical cord derived mesenchymal stem cells (hUCMSCs) were used"
    assert defs(text)["hUCMSCs"] == "human umbilical cord derived mesenchymal stem cells"


def test_short_form_offsets_and_several_items():
    text = "MSCs derived from human induced pluripotent stem cells (hiPSCs, hiPSC-MSC-Exos) grew"
    (ab,) = find_abbreviations(text)
    assert ab.short == "hiPSCs" and text[ab.short_start : ab.short_end] == "hiPSCs"
    assert text[ab.long_start : ab.long_end] == "human induced pluripotent stem cells"


def test_short_form_then_long_form():
    assert defs("levels of MCP-1 (monocyte chemotactic protein-1) were low")["MCP-1"] == (
        "monocyte chemotactic protein-1"
    )


def test_no_definition_for_plain_parentheses():
    assert defs("cells (n = 5) were treated (see below)") == {}
    assert match_long_form("XYZ", "bone marrow") is None


def test_long_form_naming_the_tissue_after_the_cells():
    text = "Mesenchymal stem cells from the human gingiva (GMSCs) are easy to obtain."
    assert defs(text)["GMSCs"] == "Mesenchymal stem cells from the human gingiva"
    # Letters that cannot be found in the turned-round words give no definition.
    assert defs("cells of the synovial membrane (SMSCs) grew") == {}


def test_long_form_of_long_words():
    # Four words of a two-letter short form span more than the first window `_words_before`
    # reads (12 characters a word), so it reads the whole one.
    text = "after implantation of electrospun polycaprolactone-hydroxyapatite nanocomposites (PH)"
    assert defs(text)["PH"] == "polycaprolactone-hydroxyapatite nanocomposites"


def _words_before_as_defined(text: str, end: int, count: int) -> int:
    """`_words_before` written out: the words (runs of characters other than white space and
    brackets) of the 400 characters before `end`, the last `count` of them read from the
    nearest, stopping after a comma or before a word ending a clause."""
    base = max(0, end - 400)
    start = end
    for word in reversed(list(re.finditer(r"[^\s()]+", text[base:end]))[-count:]):
        last, word_end = word.group()[-1], base + word.end()
        if last in ";:." and word_end < end - 1:
            break
        start = base + word.start()
        if last == ",":
            return word_end
    return start


def test_words_before_reads_as_defined():
    rng = random.Random(3)
    pieces = ["a", "of", " ", "  ", "(", ")", "x.", ";", ",", "\n", "cell", "b" * 30, "c" * 90]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        end, count = rng.randint(0, len(text)), rng.randint(1, 19)
        assert _words_before(text, end, count) == _words_before_as_defined(text, end, count)


def test_a_statistic_in_brackets_defines_nothing():
    # R960 (a rabbit TMJ-OA study, its results paraphrased): the letters and digits of a
    # repeated "(P<0.01)" are found in the words before it, so without the check the second
    # one read as the short form of "P<0.01) and synovial membrane inflammation scores".
    text = (
        "The treated group had better OARSI histological scores (P<0.01) and synovial "
        "membrane inflammation scores (P<0.01) than the untreated group, with six joints a "
        "group (n=6) and six more (n=6) in the sham group."
    )
    assert find_abbreviations(text) == []
    # a short form with a sign in it is refused; one without is still read
    assert defs("bone marrow stromal cells (BMSCs) given (p=0.05)") == {
        "BMSCs": "bone marrow stromal cells"
    }
