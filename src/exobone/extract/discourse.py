"""Where the study's own account starts, and whether the record is a review.

Abstracts usually open with general knowledge ("Recent studies indicate...") before they say
what this study did ("In this study", "Here, we", "We investigated", "METHODS:"). Values named
only in that opening are background, not study values. Reviews have no such split: what they
state is their subject.
"""

from __future__ import annotations

import re
from typing import Final

from exobone.extract.cues import Cue, CueHits
from exobone.extract.rules import load_rules, table_cue
from exobone.extract.scanning import Relaxed, required_texts
from exobone.model import Span
from exobone.text.calls import is_ascii
from exobone.text.sentences import split_sentences

# The rules are rows of data/discourse.yaml; this module holds the logic that applies them.
_RULES: Final = load_rules("discourse.yaml")
# the first sentence with one of these starts the study's own account
_STUDY_CUE: Final = _RULES.cue("study_cue", whole_text=True)
# The record calls itself a review ("this review"): the rows of the `self_named` table, tried
# as one cue, whatever experiments the abstract tells of the works it surveys.
_SELF_NAMED_ROWS: Final = _RULES.table("self_named")
_SELF_NAMED_CUE: Final = table_cue(_SELF_NAMED_ROWS, whole_text=True)
# The record is a review: the rows of the `review` table, tried as one cue in their order.
_REVIEW_ROWS: Final = _RULES.table("review")
_REVIEW_CUE: Final = table_cue(_REVIEW_ROWS, whole_text=True)
_EXPERIMENT_CUE: Final = _RULES.cue("experiment", whole_text=True)
_REVIEW_WORD: Final = _RULES.cue("review_word")
# Machinery, not a rule: the opening sentence, the words a review that never names itself is
# known by.
_FIRST_SENTENCE: Final = re.compile(r"[^.]*[.]?")
# Reviews that never say "review": the rows of the `survey` table, tried as one cue, and only
# where one of the texts that start its matches stands (whole_text: its rows are many).
_SURVEY_ROWS: Final = _RULES.table("survey")
_SURVEY_CUE: Final = Cue("|".join(f"(?:{rule.pattern})" for rule in _SURVEY_ROWS), whole_text=True)
_SURVEY_TITLE: Final = _RULES.cue("survey_title")
# A study's own results or procedures, beyond _EXPERIMENT_CUE: enough to keep a weak survey
# cue from making a primary study a review.
_RESULT_CUE: Final = _RULES.cue("result", whole_text=True)
# Any sign that an abstract tells work of its own in the past tense.
_OWN_ACCOUNT: Final = _RULES.cue("own_account")
# Long enough to tell a study if it were one (a title-only or one-sentence record is not a review).
_ACCOUNT_LENGTH: Final = 400


# Words that tell no work of the authors' own, passed over by _tells_no_work: a sentence of
# what earlier studies found ("Early studies defined them as ..."), a hypothesis stated.
_LITERATURE_SENTENCE: Final = _RULES.regex("literature_sentence")
_HYPOTHESIS_STATED: Final = _RULES.regex("hypothesis_stated")
# Texts one of which an abstract must hold for `_HYPOTHESIS_STATED` to match (its cheap
# pre-check), read from the pattern; as a cue's needles, the lexicon's pass over the abstract
# finds them too (`_may_state_hypotheses`).
_HYPOTHESIS_NEEDLES: Final = required_texts(_HYPOTHESIS_STATED.pattern)
_HYPOTHESIS_CUE: Final = _RULES.cue("hypothesis_stated")


def _may_state_hypotheses(abstract: str, lowered: str, hits: CueHits | None) -> bool:
    """Whether `lowered` (the abstract lowered) holds one of `_HYPOTHESIS_NEEDLES`: looked up in
    the abstract's cue `hits` when it has them (about 14 scans of the whole abstract saved)."""
    if hits is not None and is_ascii(abstract):
        return _HYPOTHESIS_CUE.may_occur(abstract, lowered, hits)
    return any(needle in lowered for needle in _HYPOTHESIS_NEEDLES)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` turned to spaces (offsets kept)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _own_words(
    abstract: str,
    lowered: str,
    hits: CueHits | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> str | None:
    """The abstract with its sentences of earlier studies' findings and the words of its
    stated hypotheses blanked, or None when it has neither (`lowered`: the abstract lowered;
    `hits`: its cues' needles, `sentences`: its sentences' spans, when the caller has them)."""
    blanks = [
        (start, end)
        for start, end in (split_sentences(abstract) if sentences is None else sentences)
        if _LITERATURE_SENTENCE.match(abstract, start, end)
    ]
    # The pattern opens on `\b` and is searched case-insensitively: over a whole abstract
    # that tries every offset (about 0.2 M instructions), so an ASCII abstract (lowered
    # exactly as the pattern reads it) without one of its required texts is not searched.
    if not is_ascii(abstract) or _may_state_hypotheses(abstract, lowered, hits):
        blanks += [m.span() for m in _HYPOTHESIS_STATED.finditer(abstract)]
    return _blanked(abstract, blanks) if blanks else None


def _tells_no_work(
    abstract: str,
    lowered: str,
    hits: CueHits | None,
    sentences: list[tuple[int, int]] | None = None,
) -> bool:
    """Whether an abstract tells no work of its own: no study or result cue and nothing in the
    past tense (reviews that never name themselves: "EVs and their potential significance in
    the pathogenesis and treatment of osteoarthritis", doi:10.3390/ph14040315; Qin and Dallas,
    Curr Osteoporos Rep 2019, 17:548), outside what earlier studies found and the authors'
    untested hypothesis (R784, doi:10.3390/cells11101619; R923, doi:10.12659/MSM.929684)."""
    if len(abstract) < _ACCOUNT_LENGTH:
        return False
    if (
        _STUDY_CUE.search(abstract, lowered, hits=hits) is None
        and _OWN_ACCOUNT.search(abstract, lowered, hits=hits) is None
    ):
        return True
    own = _own_words(abstract, lowered, hits, sentences)
    if own is None:
        return False
    own_lowered = own.lower()  # (lowered once for both cues)
    return (
        # what is left must still be long enough to tell a study (R388, cut after its
        # opening of earlier work, stays primary)
        len(" ".join(own.split())) >= _ACCOUNT_LENGTH
        and _STUDY_CUE.search(own, own_lowered) is None
        and _OWN_ACCOUNT.search(own, own_lowered) is None
    )


def _tells_results(abstract: str, lowered: str, hits: CueHits | None) -> bool:
    """Whether an abstract tells results or procedures of its own (result), outside the
    words of a hypothesis it states without testing ("We hypothesised that ...", R923)."""
    if _RESULT_CUE.search(abstract, lowered, hits=hits) is None:
        return False
    if not _may_state_hypotheses(abstract, lowered, hits):
        return True
    hypotheses = [m.span() for m in _HYPOTHESIS_STATED.finditer(abstract)]
    return not hypotheses or _RESULT_CUE.search(_blanked(abstract, hypotheses)) is not None


# A structured abstract that opens with its background ends that section at its next heading;
# inside it, only a statement of this study's aim (or a sentence of "we" that tells no earlier
# work) starts the study.
_BACKGROUND_HEADING: Final = _RULES.regex("background_heading")
_NEXT_HEADING: Final = _RULES.regex("next_heading")
_EARLIER_WORK: Final = _RULES.regex("earlier_work")
_AIM_CUE: Final = _RULES.cue("aim")
_WE: Final = _RULES.regex("we")
# searched first: `\b` gives the regex engine no literal to skip ahead to, so the pattern alone
# is tried at every offset of the sentence
_WE_RELAXED: Final = Relaxed.of(_WE.pattern, _WE.flags)
# Cues that open a main clause after background ("As X is unclear, we ..."); not "were ...".
_CLAUSE_CUE: Final = _RULES.regex("clause_cue")
# "Using a rat model of IVDD, we studied ...": a clause of the study's own means, not background.
_OWN_MEANS_CLAUSE: Final = _RULES.regex("own_means_clause")


def review_cue(
    title: str,
    abstract: str,
    lowered: str | None = None,
    hits: CueHits | None = None,
    sentences: list[tuple[int, int]] | None = None,
    title_lowered: str | None = None,
    title_hits: CueHits | None = None,
) -> re.Match[str] | None:
    """The words that make the record a review, or None for a primary study (`lowered`: the
    abstract lowered, `hits`: its cues' needles, `sentences`: its sentences' spans, and the
    same of the title, when the caller has them)."""
    if lowered is None:
        lowered = abstract.lower()
    experiment: list[bool] = []  # whether the abstract tells an experiment, searched once

    def no_experiment() -> bool:
        if not experiment:
            experiment.append(_EXPERIMENT_CUE.search(abstract, lowered, hits=hits) is not None)
        return not experiment[0]

    sections = ((abstract, lowered, hits), (title, title_lowered, title_hits))
    for text, low, text_hits in sections:
        named = _SELF_NAMED_CUE.search(text, low, hits=text_hits)
        if named:
            return named
    for text, low, text_hits in sections:
        match = _REVIEW_CUE.search(text, low, hits=text_hits)
        if match and no_experiment():
            return match
    word = _REVIEW_WORD.search(title)
    if word and no_experiment():
        return word
    # the survey cues are the slowest to search: only a record without its own results needs them
    if no_experiment() and not _tells_results(abstract, lowered, hits):
        survey = _SURVEY_CUE.search(abstract, lowered, hits=hits) or _SURVEY_TITLE.search(title)
        if survey is None and _tells_no_work(abstract, lowered, hits, sentences):
            return _FIRST_SENTENCE.match(abstract)
        return survey
    return None


def review_span(
    title: str,
    abstract: str,
    lowered: str | None = None,
    hits: CueHits | None = None,
    sentences: list[tuple[int, int]] | None = None,
    title_lowered: str | None = None,
    title_hits: CueHits | None = None,
) -> Span | None:
    """Where the words that make the record a review are (sentence 0 of their section), or
    None for a primary study; found once per record, by the pipeline (`sentences`: the
    abstract's sentences' spans, `title_lowered` and `title_hits` as for the abstract, if
    known: the title's cues then need no pass of their own over it)."""
    cue = review_cue(title, abstract, lowered, hits, sentences, title_lowered, title_hits)
    if cue is None:
        return None
    # words that are not the abstract's at their offsets were found in the title
    section = "abstract" if abstract[cue.start() : cue.end()] == cue.group() else "title"
    return Span(cue.start(), cue.end(), 0, section)


# each review row as the cue tries it, to name the row a cue's match came from
_REVIEW_ROW_REGEXES: Final = [
    (rule.name, re.compile(rf"\b(?:{rule.pattern})\b", re.IGNORECASE))
    for rule in (*_SELF_NAMED_ROWS, *_REVIEW_ROWS)
]


def review_row(text: str, span: Span) -> str:
    """The name of the row that made the record a review at `span` (what `review_span` gave;
    `text`: its section's text): the first row of the cue searched there that matches at its
    start, as the cue's alternation tries them. An abstract that tells no work of its own
    (the opening sentence) is named by own_account, the rule it lacks."""
    at = span.start
    for name, regex in _REVIEW_ROW_REGEXES:
        if regex.match(text, at):
            return name
    if span.section == "title":
        return "review_word" if _REVIEW_WORD.match(text, None, at) else "survey_title"
    for rule in _SURVEY_ROWS:
        if rule.compile().match(text, at):
            return rule.name
    return "own_account"


def _background_heading_end(abstract: str) -> int:
    """Where a structured abstract's opening "Background:" section ends (the offset of the
    next heading), or -1 when the abstract does not open with such a section."""
    if not _BACKGROUND_HEADING.match(abstract):
        return -1
    heading = _NEXT_HEADING.search(abstract)
    return heading.start() if heading else -1


def study_start(
    abstract: str,
    sentences: list[tuple[int, int]] | None = None,
    lowered: str | None = None,
    hits: CueHits | None = None,
) -> int:
    """Offset where the abstract starts telling this study (0 when there is no opening)."""
    if sentences is None:
        sentences = split_sentences(abstract)
    start = _cue_start(abstract, sentences, lowered, hits)
    background_end = _background_heading_end(abstract)
    if start >= background_end:
        return start
    # A "Background:" section is background, whatever past-tense procedures or findings of
    # earlier work it tells ("We showed before that ... exosomes repaired osteochondral
    # defects in a rat model", R70); only its statement of this study's aim starts the study:
    # an aim cue, or a sentence of "we" that tells no earlier work ("We therefore regarded the
    # implant as a new organ ... and sought a way to treat it", R03).
    for s, e in sentences:
        if s >= background_end:
            break
        if _AIM_CUE.search(abstract, lowered, s, e, hits=hits) or (
            _we(abstract, s, e) and not _EARLIER_WORK.search(abstract, s, e)
        ):
            return s
    return background_end


def _we(abstract: str, start: int, end: int) -> re.Match[str] | None:
    """`_WE.search(abstract, start, end)`, tried only where its relaxed pattern matches."""
    if _WE_RELAXED is None:
        return _WE.search(abstract, start, end)
    return _WE_RELAXED.search(_WE, abstract, start, end)


def _cue_start(
    abstract: str,
    sentences: list[tuple[int, int]],
    lowered: str | None,
    hits: CueHits | None,
) -> int:
    """Start of the first sentence that tells this study by a study cue (0: none)."""
    match = _STUDY_CUE.search(abstract, lowered, hits=hits)
    if match is None:
        return 0
    for start, end in sentences:
        if start > match.start():
            break
        cue = match if start <= match.start() < end else _we(abstract, start, end)
        if cue is None:
            continue
        lead = abstract[start : cue.start()]
        # "As the efficacy of X..., we determine here": the clause before the cue is background.
        if "," in lead and _CLAUSE_CUE.match(cue.group()) and not _OWN_MEANS_CLAUSE.search(lead):
            return cue.start()
        return start
    return 0
