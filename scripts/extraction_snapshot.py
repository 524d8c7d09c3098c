"""What the extractor says on every corpus the repository has, as canonical JSON lines.

    .venv/bin/python scripts/extraction_snapshot.py --out /tmp/before.jsonl
    .venv/bin/python scripts/extraction_snapshot.py --compare /tmp/before.jsonl

A restructuring of the extractor must not change its output: take a snapshot before, and
compare after. Each line is one record: corpus, record number, annotations, evidence and
warnings, keys sorted. The corpora are the bibliographies under examples/ and tests/
(tests/data/*, tests/ingest/data), `../shared/seed` and `../shared/formats` when present, the
perturbed demo abstracts of `benchmarks/bench_extract.py` and the synthetic PubMed records of
`benchmarks/synth_pubmed.py` (both made from fixed seeds, so the same on every run).
`--compare` exits 1 when anything changed: it lists every record whose values changed, with
the values added and removed, and counts per corpus the records whose evidence alone changed.
Of a sealed corpus (a name with "sealed") it names the record but never prints what changed:
sealed corpora are measured once, and nobody may read the extractor's output on them.
`--without-sealed` leaves the sealed and held-out corpora out altogether: use it while tuning
rules, since even the name of a sealed record that changed tells something about it. A speed
change, whose output must be identical everywhere, keeps them in.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import corpus as perturbed_demo  # noqa: E402
from synth_pubmed import generate as synth_pubmed  # noqa: E402

from exobone.extract import Extractor  # noqa: E402
from exobone.ingest import read_records  # noqa: E402
from exobone.model import Record  # noqa: E402

# How many records the generated corpora hold (fixed: the snapshot must be comparable).
PERTURBED_RECORDS = 2000
SYNTH_PUBMED_RECORDS = 2000
SYNTH_PUBMED_IN_SCOPE = 0.5


def bibliography_files() -> list[Path]:
    """Every bibliography file of the repository and of `../shared` (when present)."""
    patterns = ["examples/*", "tests/data/*/*bibliography*", "tests/ingest/data/*"]
    files = [path for pattern in patterns for path in sorted(ROOT.glob(pattern))]
    shared = ROOT.parent / "shared"
    for folder in ("seed", "formats"):
        files += [p for p in sorted((shared / folder).glob("*")) if p.suffix not in (".md", "")]
    return [path for path in files if path.is_file()]


def is_sealed(corpus: str) -> bool:
    """Whether a corpus is measured only once: the sealed corpora and the holdout."""
    return "sealed" in corpus or "holdout" in corpus


def corpora(workdir: Path, *, sealed: bool = True) -> Iterator[tuple[str, Iterator[Record]]]:
    """(name, records) of each corpus, in a fixed order; without the sealed ones if asked."""
    for path in bibliography_files():
        try:
            name = str(path.relative_to(ROOT))
        except ValueError:
            name = "shared/" + str(path.relative_to(ROOT.parent / "shared"))
        if not sealed and is_sealed(name):
            continue
        yield name, (r for r in read_records(path) if isinstance(r, Record))
    yield "benchmarks:bench_extract", perturbed_demo(PERTURBED_RECORDS)
    synth = synth_pubmed(
        workdir / "synth.xml", SYNTH_PUBMED_RECORDS, seed=0, in_scope_share=SYNTH_PUBMED_IN_SCOPE
    )
    yield "benchmarks:synth_pubmed", (r for r in read_records(synth) if isinstance(r, Record))


def snapshot_lines(*, sealed: bool = True) -> Iterator[str]:
    """One canonical JSON line per record of every corpus."""
    extractor = Extractor()
    with tempfile.TemporaryDirectory() as workdir:
        for name, records in corpora(Path(workdir), sealed=sealed):
            for number, record in enumerate(records, start=1):
                study = extractor.extract(record, f"S{number:02d}")
                row = {
                    "corpus": name,
                    "record": number,
                    "annotations": study.annotations,
                    "evidence": study.evidence,  # spans are named tuples: JSON lists
                    "warnings": study.warnings,
                }
                yield json.dumps(row, sort_keys=True, ensure_ascii=False)


def value_changes(old: dict[str, object], new: dict[str, object]) -> list[str]:
    """'field: +added -removed' for each annotation field whose values changed."""
    changes = []
    for field in sorted(set(old) | set(new)):
        was, now = old.get(field), new.get(field)
        if was == now:
            continue
        if isinstance(was, list) and isinstance(now, list):
            added = [json.dumps(v, ensure_ascii=False) for v in now if v not in was]
            removed = [json.dumps(v, ensure_ascii=False) for v in was if v not in now]
            signed = [f"+{v}" for v in added] + [f"-{v}" for v in removed]
            changes.append(f"{field}: {' '.join(signed) or 'same values, new order'}")
        else:
            changes.append(f"{field}: was {json.dumps(was)}, now {json.dumps(now)}")
    return changes


def compare(expected_path: Path, lines: list[str]) -> int:
    """Print every difference between a snapshot file and `lines`; 0 when identical.

    Each record whose annotations changed is listed with the values added and removed;
    records whose evidence or warnings alone changed are counted per corpus, since a
    reason or span that moved is worth reading but does not change what a user gets.
    """
    expected = expected_path.read_text(encoding="utf-8").splitlines()
    if expected == lines:
        print(f"identical: {len(lines)} records")
        return 0
    differing = [i for i, (a, b) in enumerate(zip(expected, lines, strict=False)) if a != b]
    print(
        f"DIFFERENT: {len(differing)} of {len(lines)} records differ "
        f"(snapshot has {len(expected)} records)"
    )
    values_changed: dict[str, int] = {}
    evidence_only: dict[str, int] = {}
    for i in differing:
        old, new = json.loads(expected[i]), json.loads(lines[i])
        corpus = old["corpus"]
        changes = value_changes(old["annotations"], new["annotations"])
        tally = values_changed if changes else evidence_only
        tally[corpus] = tally.get(corpus, 0) + 1
        if not changes:
            continue
        if is_sealed(corpus):
            print(f"- {corpus} record {old['record']}: values changed (sealed: not shown)")
            continue
        print(f"- {corpus} record {old['record']}:")
        for change in changes:
            print(f"    {change}")
    for corpus in sorted(set(values_changed) | set(evidence_only)):
        print(
            f"{corpus}: {values_changed.get(corpus, 0)} records with changed values, "
            f"{evidence_only.get(corpus, 0)} with changed evidence or warnings only"
        )
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the snapshot here")
    parser.add_argument("--compare", type=Path, help="compare with this earlier snapshot")
    parser.add_argument(
        "--without-sealed",
        action="store_true",
        help="leave out the sealed and held-out corpora (for tuning rules)",
    )
    args = parser.parse_args()
    if args.out is None and args.compare is None:
        parser.error("give --out FILE, --compare FILE, or both")
    lines = list(snapshot_lines(sealed=not args.without_sealed))
    if args.out is not None:
        args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"wrote {len(lines)} records to {args.out}")
    if args.compare is not None:
        sys.exit(compare(args.compare, lines))


if __name__ == "__main__":
    main()
