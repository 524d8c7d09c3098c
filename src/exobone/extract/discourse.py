"""Where the study's own account starts, and whether the record is a review.

Abstracts usually open with general knowledge ("Recent studies indicate...") before they say
what this study did ("In this study", "Here, we", "We investigated", "METHODS:"). Values named
only in that opening are background, not study values. Reviews have no such split: what they
state is their subject.
"""

from __future__ import annotations

import re

from exobone.extract.cues import Cue, CueHits
from exobone.model import Span
from exobone.text.sentences import split_sentences

_STUDY_CUE = Cue(
    r"\b(?:in (?:the|this|our) (?:present |current )?(?:study|work|paper|report|research)"
    r"|here(?:in)?,? (?:we|the)\b|the present study|this study|our study|the current study"
    r"|(?:this|our) (?:[\w-]+ ){1,3}?(?:study|trial)\b"
    r"|we (?:here |first |further |then |also |now |therefore |thus |next )?"
    r"(?:investigated?|examined?|evaluated?|aimed?|report(?:ed)?"
    r"|demonstrated?|determined?|determine|hypothesi[sz]ed?|explored?|assessed?|compared?"
    r"|tested|test|studied|study"
    r"|focused|focus|sought|developed?|used|isolated|showed?|found|propose|constructed?|established?"
    r"|identified|identify|characteri[sz]ed|analy[sz]ed|performed|extend|provide|describe"
    r"|generated|prepared"
    r"|treated|injected|fabricated|designed|collected|observed|measured|applied)\b"
    r"|the (?:main )?(?:aims?|purposes?|objectives?|goals?) of "
    r"(?:this|the present|the current|our) (?:study|work)"
    r"|(?:methods?|materials and methods|design)\s*:"
    # a structured abstract's aim is the study's own: "Aims: To study how ..." (R88),
    # "Purpose: To find out whether ..." (R85), "Objective: To explore ..." (R17); not an
    # "OBJECTIVE:" heading over background (seed S07)
    r"|(?:aims?|objectives?|purposes?)\s*:\s*to\b"
    r"|to address this|to this end|to test this"
    r"|(?:were|was) (?:isolated|investigated|examined|evaluated|assessed|used|treated"
    r"|injected|implanted"
    r"|cultured|harvested|collected|obtained|characteri[sz]ed|identified|purified|administered"
    r"|randomi[sz]ed|divided|created|established|transplanted|performed"
    # the study's model: "periodontitis was produced in 50 rats" (R01), "OA was induced in
    # rats" (R55), "rats with SNFH were produced" (R68)
    r"|induced in|produced in|produced and)\b)",
    whole_text=True,
)
_REVIEW_CUE = Cue(
    r"\b(?:in this review|this review|review article|systematic review"
    r"|meta-analys[ie]s|narrative review|scoping review"
    # an analysis of the literature itself: "A bibliometric analysis of exosomes therapy in
    # the treatment of osteoarthritis" (10.2147/JPR.S407050), "a bibliometric and visualized
    # study" (10.3389/fbioe.2022.956058), "a scientometric synthesis method" (10.3390/cells13110904)
    r"|bibliometrics?|scientometrics?"
    # "This article reviews ...", with a linking word, modal or adverb between: "this article
    # therefore reviews" (R111), "this article will systematically review" (PMC8398019)
    r"|this (?:article|paper) (?:(?:therefore|thus|hence|also|further|then|will|[a-z]+ly) ){0,2}"
    r"reviews?"
    r"|we summari[sz]e|is reviewed|are reviewed|this chapter"
    # a structured review states its aim and its method as the survey: "Objective To review
    # the research progress of exosomes ... Methods Recent relevant literature ... was
    # extensively reviewed" (10.7507/1002-1892.202105106), "Methods: Search and analyze the
    # related articles in pubmed database" written as "articles ... were searched"
    # (10.1111/cpr.12359)
    r"|(?:objectives?|aims?|purposes?)\W{0,3}to (?:(?:briefly|comprehensively|systematically) )?"
    r"(?:review|summari[sz]e)\b"
    r"|(?:literature|articles|publications|papers)\b(?: [\w,()/-]+){0,8}? (?:was|were|has been"
    r"|have been) (?:[a-z]+ly )?(?:reviewed|summari[sz]ed|retrieved|searched)"
    # "The present review summarizes current knowledge" (PMC6710799), "The review analyzes the
    # characteristics ..., summarizes ... and discusses" (10.7518/hxkq.2020.02.014)
    r"|the (?:present |current )?review (?:\w+ ){0,2}?(?:summari[sz]es|discusses|analy[sz]es"
    r"|highlights|describes|outlines|focuses|explores|covers)"
    # the authors' own survey, also with a modal or adverb between or in the past tense: "We
    # here discuss the latest findings" (10.3390/vaccines11030687), "In this article, we mainly
    # review the role of EVs" (10.3389/fimmu.2023.1151322), "In the current study, we reviewed
    # the application of MSCs and their EVs" (Galen Med J 2023, e3075)
    r"|we (?:(?:will|here|herein|now|mainly|briefly|also|further|first|then) )?"
    r"(?:review(?:ed)?|discuss(?:ed)?)"
    # "In this comprehensive review, we ..." (Huang 2022, R132), "This concise review first
    # outlines ..." (Stem Cells Transl Med 2025): the review named with one or two words
    # between; a retrospective or chart review of patients is a primary clinical study
    r"|this (?!(?:[\w-]+ )?(?:retrospective|chart|record)\b)(?:[\w-]+ ){1,2}review)\b",
    whole_text=True,
)
_EXPERIMENT_CUE = Cue(
    r"\b(?:we (?:found|observed|isolated|treated|injected|measured|showed that)|(?:were|was) "
    r"(?:isolated|injected|implanted|cultured|treated|harvested|randomi[sz]ed)"
    r"|significantly (?:increased|decreased|enhanced|reduced|improved))\b",
    whole_text=True,
)
_REVIEW_WORD = Cue(r"\breview\b")
# The words a review that never names itself is known by: its opening sentence.
_FIRST_SENTENCE = re.compile(r"[^.]*[.]?")

# Reviews that never say "review": each row is one way of announcing a survey of the field
# rather than an experiment. Weaker than the word "review", so a record needs none of
# _RESULT_CUE's signs of its own results as well.
_SURVEY_ROWS = (
    # "Herein, we provide a comprehensive understanding of ...", "we give an overview of ..."
    r"we (?:here |herein )?(?:provide|give|present|offer) (?:a |an )?(?:[\w-]+ ){0,2}?"
    r"(?:understanding|overview|summary|update|outline|perspective)s?\b",
    # "This text gives a concise review of ...", "the article provides an overview of ..."
    r"(?:this|the present|the current) (?:text|paper|article|manuscript|work|chapter)"
    r" (?:gives|provides|presents|offers) (?:a |an )(?:[\w-]+ ){0,2}?"
    r"(?:review|overview|summary|update|outline)\b",
    # "This paper focuses on ...", "this article summarizes ...", "the present work highlights"
    r"(?:this|the present|the current) (?:paper|article|manuscript|work|chapter|overview)"
    r" (?:\w+ ){0,2}?(?:summari[sz]es|discusses|highlights|focuses|describes|outlines"
    r"|introduces|provides|presents|explores|elaborates|covers)\b",
    # The same with a modal or an aim before the verb's base form: "This article will summarize
    # the current knowledge ... and will highlight" (PMC7181459), "this article will
    # systematically review" (PMC8398019), "this paper aims to discuss"
    r"(?:this|the present|the current) (?:paper|article|manuscript|chapter|overview)"
    r" (?:will|shall|would|aims? to|intends? to|seeks? to) (?:[a-z]+ly )?(?:summari[sz]e|discuss"
    r"|highlight|focus|describe|outline|introduce|elaborate|cover|review)\b",
    # "The focus of this paper is ...", "the aim of this article is to identify ..."
    r"the (?:focus|aim|purpose|goal|objective)s? (?:of|on|in) this (?:paper|article|manuscript)\b",
    # "we summarize the recent advances ...", "we highlight the latest progress ..."
    r"we (?:summari[sz]e|highlight|outline|introduce|elaborate on|describe|focus on)"
    r" (?:the |some )?(?:recent|current|latest|emerging|new|major|key)"
    r" (?:advances|progress|research|findings|developments|knowledge|understanding|evidence"
    r"|studies|insights)\b",
    # "recent advances in ... are summarized / highlighted"
    r"(?:are|is) (?:briefly |also )?(?:summari[sz]ed|highlighted|outlined)\b",
)
_SURVEY_CUE = Cue("|".join(f"(?:{row})" for row in _SURVEY_ROWS))
# Titles that announce a survey: "Research progress on X", "Advances in Y", "Roles and
# therapeutic potential of Z", "X: a promising alternative for Y", "Current status and
# challenges of ...".
_SURVEY_TITLE = Cue(
    r"\b(?:research progress|progress (?:in|on|of)|(?:recent )?advances (?:in|on|of)"
    r"|current (?:status|understanding|knowledge|perspectives?|concepts|trends)"
    r"|an update\b|state of the art|challenges and (?:opportunities|prospects|perspectives)"
    # "Emerging role of exosomes in the joint diseases" (Cell Physiol Biochem 2018, 47(5):2008),
    # "Insights into exosome in the intervertebral disc: emerging role for disc homeostasis"
    # (10.7150/ijms.75285)
    r"|emerging roles? (?:of|for|in)"
    r"|(?:roles?|functions?|mechanisms?) and (?:therapeutic |clinical )?"
    r"(?:potentials?|applications?|prospects?)"
    r"|a (?:promising|novel|new|potential) (?:[\w-]+ ){0,2}?(?:alternative|strategy|approach"
    r"|tool|frontier|hope|therapy|therapeutic)|perspectives? (?:on|for)|prospects? (?:of|for|in))",
)
# A study's own results or procedures, beyond _EXPERIMENT_CUE: enough to keep a weak survey
# cue from making a primary study a review.
_RESULT_CUE = Cue(
    r"\b(?:(?:our|the) (?:results|findings|data) (?:show|suggest|indicate|reveal|demonstrate)\w*"
    r"|results (?:showed|demonstrated|revealed|indicated)"
    r"|we (?:demonstrate|demonstrated|reveal|revealed|constructed|fabricated|prepared|established"
    r"|investigated|examined|evaluated|explored whether|assessed|tested|hypothesi[sz]ed)"
    r"|(?:were|was) (?:randomly )?(?:divided|assigned|established|fabricated|transfected|seeded"
    r"|co-?cultured|administered|evaluated|assessed|analy[sz]ed|detected|measured)"
    r"|in (?:the present|this|our) study|compared (?:with|to) (?:the )?(?:control|pbs|sham)"
    # the study's own aim told in the past ("Here we set out to examine ...",
    # doi:10.3389/fbioe.2023.1160703) and an assay that showed a result ("Flow cytometry showed
    # that 79.1% of the exosomes carried Cap", doi:10.1186/s12951-026-04158-y): a title's "a
    # novel ... tool" is then the study's product, not a survey. (Not a bare percentage: a
    # review's opening gives prevalences, "affects nearly 80% of people".)
    r"|we (?:set out|sought|aimed) to"
    r"|(?:flow cytometry|western blot(?:ting)?|qrt-pcr|rt-qpcr|immunofluorescence"
    r"|immunohistochemistry|micro-ct|elisa|staining|rna-seq|rna sequencing)"
    r" (?:analys[ie]s |assays? )?(?:showed|revealed|confirmed|demonstrated|indicated)"
    r"|p ?[<=] ?0\.\d)\b",
    whole_text=True,
)

# Any sign that an abstract tells work of its own in the past tense: its authors' acts ("we
# made", "we found"), a result verb in the simple past, or "was/were". A review that states the
# field's knowledge only in the present ("EVs can induce anti-OA effects", "cartilage defects
# have been repaired with EV therapies in animal models") has none of them.
_OWN_ACCOUNT = Cue(
    r"\b(?:we (?:[a-z]+ )?(?:[a-z]+ed|made|built|found|took|gave|saw|chose|ran|set up|wrote|grew"
    r"|sought|led)"
    r"|was|were|had|did"
    r"|(?:promot|increas|decreas|reduc|enhanc|inhibit|improv|attenuat|alleviat|ameliorat"
    r"|suppress|accelerat|exhibit|display|result|induc|show|reveal|demonstrat|observ|prevent"
    r"|restor|upregulat|downregulat|up-regulat|down-regulat|elevat|stimulat|facilitat|protect"
    r"|block|rescu|revers|mitigat|lower|rais|boost|lessen|reliev|neutrali[sz]|scaveng"
    r"|accumulat|penetrat|target|activat|abolish|abrogat|impair|augment|diminish"
    r"|decelerat|delay|slow|deplet|ablat|transfect|incubat|inject|implant)ed)\b"
)
# Long enough to tell a study if it were one (a title-only or one-sentence record is not a review).
_ACCOUNT_LENGTH = 400


def _tells_no_work(abstract: str, lowered: str, hits: CueHits | None) -> bool:
    """Whether an abstract tells no work of its own: no study or result cue and nothing in the
    past tense (reviews that never name themselves: "EVs and their potential significance in
    the pathogenesis and treatment of osteoarthritis", doi:10.3390/ph14040315; Qin and Dallas,
    Curr Osteoporos Rep 2019, 17:548)."""
    return (
        len(abstract) >= _ACCOUNT_LENGTH
        and _STUDY_CUE.search(abstract, lowered, hits=hits) is None
        and _OWN_ACCOUNT.search(abstract, lowered, hits=hits) is None
    )


# A structured abstract that opens with its background: "Background:", "BACKGROUND",
# "Background & Aim:" (R70), "Introduction:" (R73). The next heading ends that section: up to
# four words and a colon just after a sentence's end ("Methods:", "Methods, Results &
# Conclusion:", "Case presentation:", "OBJECTIVE:"), or a heading word and a period
# ("Methods.").
_BACKGROUND_HEADING = re.compile(r"\s*(?:background|introduction)\b", re.IGNORECASE)
_NEXT_HEADING = re.compile(
    r"(?<=[.!?]\s)(?:[A-Z][\w-]*(?:[ ,&]+[\w-]+){0,3}\s*:"
    r"|(?:Methods?|Materials and methods|Objectives?|Aims?|Purpose|Design|Results?|METHODS?"
    r"|OBJECTIVES?|AIMS?|PURPOSE|DESIGN|RESULTS?)\.)"
)
# A sentence of "we" in that section that tells earlier work, not this study's aim.
_EARLIER_WORK = re.compile(
    r"\b(?:previous(?:ly)?|before|earlier|prior|to our knowledge"
    r"|(?:we|our group) (?:have |had )?(?:showed|shown|found|reported|demonstrated|observed))\b",
    re.IGNORECASE,
)
# What inside a "Background:" section states this study's own aim (the subset of _STUDY_CUE
# that cannot be earlier work: no "we found", no "were injected").
_AIM_CUE = Cue(
    r"\b(?:in (?:the|this|our) (?:present |current )?(?:study|work|paper|report|research)"
    r"|here(?:in)?,? (?:we|the)\b|the present study|this study|our study|the current study"
    r"|(?:this|our) (?:[\w-]+ ){1,3}?(?:study|trial)\b"
    r"|we (?:here |first |further |then |also |now |therefore |thus |next )?"
    r"(?:aim|aimed|sought|set out|asked|hypothesi[sz]ed?|investigated?|examined?|evaluated?"
    r"|explored?|assessed?|tested|test|determined?|compared?|studied|study|propose|focus"
    r"|focused)\b"
    r"|the (?:main )?(?:aims?|purposes?|objectives?|goals?) of "
    r"|(?:aims?|objectives?|purposes?)\s*:\s*to\b|to address this|to this end|to test this)"
)
_WE = re.compile(r"\b(?:we|We|our|Our)\b")
# Cues that open a main clause after background ("As X is unclear, we ..."); not "were ...".
_CLAUSE_CUE = re.compile(r"(?:we|our|the|here)\b", re.IGNORECASE)


def review_cue(
    title: str, abstract: str, lowered: str | None = None, hits: CueHits | None = None
) -> re.Match[str] | None:
    """The words that make the record a review, or None for a primary study (`lowered`: the
    abstract lowered, `hits`: its cues' needles, when the caller has them)."""
    if lowered is None:
        lowered = abstract.lower()
    experiment: list[bool] = []  # whether the abstract tells an experiment, searched once

    def no_experiment() -> bool:
        if not experiment:
            experiment.append(_EXPERIMENT_CUE.search(abstract, lowered, hits=hits) is not None)
        return not experiment[0]

    for text, low, text_hits in ((abstract, lowered, hits), (title, None, None)):
        match = _REVIEW_CUE.search(text, low, hits=text_hits)
        if match and no_experiment():
            return match
    word = _REVIEW_WORD.search(title)
    if word and no_experiment():
        return word
    # the survey cues are the slowest to search: only a record without its own results needs them
    if no_experiment() and not _RESULT_CUE.search(abstract, lowered, hits=hits):
        survey = _SURVEY_CUE.search(abstract, lowered, hits=hits) or _SURVEY_TITLE.search(title)
        if survey is None and _tells_no_work(abstract, lowered, hits):
            return _FIRST_SENTENCE.match(abstract)
        return survey
    return None


def review_span(
    title: str, abstract: str, lowered: str | None = None, hits: CueHits | None = None
) -> Span | None:
    """Where the words that make the record a review are (sentence 0 of their section), or
    None for a primary study; found once per record, by the pipeline."""
    cue = review_cue(title, abstract, lowered, hits)
    if cue is None:
        return None
    # words that are not the abstract's at their offsets were found in the title
    section = "abstract" if abstract[cue.start() : cue.end()] == cue.group() else "title"
    return Span(cue.start(), cue.end(), 0, section)


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
            _WE.search(abstract, s, e) and not _EARLIER_WORK.search(abstract, s, e)
        ):
            return s
    return background_end


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
        cue = match if start <= match.start() < end else _WE.search(abstract, start, end)
        if cue is None:
            continue
        lead = abstract[start : cue.start()]
        # "As the efficacy of X..., we determine here": the clause before the cue is background.
        if "," in lead and _CLAUSE_CUE.match(cue.group()):
            return cue.start()
        return start
    return 0
