"""Intra-articular injection written indirectly, as real abstracts write it (issue 17).

One lexicon row (lexicon.yaml, gapped) reads the verb and the noun ("injected into",
"injection of ... into") before a joint, its cavity or its space. Each case paraphrases a
published abstract (source in the comment).
"""

from exobone.extract import Extractor
from exobone.model import Record


def routes(abstract: str, title: str = "") -> list[str]:
    fields = Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations
    return list(fields["delivery_routes"])


def test_injection_of_vesicles_into_the_joint_cavity_is_intra_articular():
    # Umbilical cord MSC EVs in ACLT osteoarthritis (R130, 10.1186/s12951-021-01236-1): the noun.
    got = routes(
        "EVs of human umbilical cord MSCs (hUCMSCs-EVs) turned macrophages towards M2. In an "
        "osteoarthritis model made by transecting the anterior cruciate ligament of rats, "
        "injection of hUCMSCs-EVs into the joint cavity slowed the disease and spared the "
        "cartilage."
    )
    assert got == ["intra_articular_injection"]


def test_vesicles_injected_into_the_joints_of_animals_are_intra_articular():
    # Chondrocyte EVs taken up by joint cells (R94, PMID 39596012): the verb, with no cavity.
    got = routes(
        "Chondrocyte EVs entered synoviocytes and chondrocytes in culture; in vivo, the "
        "labelled EVs injected into mouse joints ended up inside chondrocytes and synoviocytes."
    )
    assert got == ["intra_articular_injection"]
    # The same row reads the knee and the animals named after the joint.
    got = routes(
        "Osteoarthritis was produced in rats, and BMSC exosomes were injected into the knee "
        "joints of the rats every week for six weeks."
    )
    assert got == ["intra_articular_injection"]


def test_injections_elsewhere_keep_their_routes():
    # Cells put into a dish make no route; vesicles in the tail vein stay intravenous.
    got = routes(
        "Osteoarthritis was produced in mice. MSCs were injected into a culture dish to "
        "collect their exosomes, and the exosomes were injected into the tail vein of the mice."
    )
    assert got == ["intravenous_injection"]
