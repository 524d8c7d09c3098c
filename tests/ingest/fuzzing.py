"""A seeded mutation fuzzer over every reader of the registry (exobone.ingest.FORMATS).

Each input is a small real-style file of one format with one local mutation (byte flip,
NUL, truncation, deleted, duplicated or swapped line, swapped tag, a line of another
format), possibly recoded as a whole (CRLF, CR, UTF-16, latin-1, UTF-8 BOM, gzip, or a gzip
cut short). The records whose lines the mutation did not touch are known, so the checks are:

- no exception but IngestError, and IngestError only when no record is intact;
- at most 1 s of CPU per input;
- every intact record comes back unchanged, or a skipped record is reported for it
  (read + reported >= records);
- every record that comes back has a title found in the file.

`python tests/ingest/fuzzing.py --seconds 600` (`make fuzz`) runs a long campaign and
prints each failure with how its input was made (--seed repeats a run); the test suite runs
a few seconds of it (test_fuzz.py).
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import sys
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from fixtures import BUILDERS  # noqa: E402

from exobone.errors import IngestError, RecordProblem  # noqa: E402
from exobone.ingest import FORMATS, read_records  # noqa: E402
from exobone.model import Record  # noqa: E402
from exobone.text.clean import clean_title  # noqa: E402

EXPORTS = HERE / "data" / "exports"
# Seeds of the formats that fixtures.py does not build: real-style export files.
SEED_FILES = {
    "pubmed_text": EXPORTS / "pubmed_abstract.txt",
    "wos": EXPORTS / "wos_savedrecs.txt",
}
# Formats whose first lines (a header) belong to every record.
HEADED = frozenset({"csv", "wos"})
CPU_LIMIT = 1.0
MARKERS = ("TY  - JOUR", "PMID- 12345", "@article{x,", "ER  - ", "<PubmedArticle>", "<record>",
           'Smith, A. (2020). "A citation line." Bone 1: 2-3.', "FN Clarivate", "1. Bone. 2020.",
           '{"id": "x",', "Title,Abstract", "\x00")


def key(record: Record) -> tuple[object, ...]:
    return (record.title, record.abstract, record.year, tuple(record.authors), record.pmid,
            record.doi, record.journal)


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.lower()))


@dataclass
class Seed:
    """One format's seed file and what reading it gives."""

    fmt: str
    text: str
    keys: list[tuple[object, ...]]
    spans: list[tuple[int, int]]  # first and last line of each record
    traceable: bool  # every title is found in the file text (so the check applies)

    @classmethod
    def build(cls, fmt: str, text: str, scratch: Path) -> Seed:
        path = scratch / f"seed-{fmt}"
        path.write_bytes(text.encode("utf-8"))
        items = list(read_records(path, fmt))
        records = [item for item in items if isinstance(item, Record)]
        problems = [item for item in items if isinstance(item, RecordProblem)]
        if problems or len(records) < 2:
            raise ValueError(f"fuzz seed of {fmt} must read cleanly: {problems}")
        starts = [record.line for record in records]
        count = text.count("\n") + 1
        spans = [(start, (starts[i + 1] - 1) if i + 1 < len(starts) else count)
                 for i, start in enumerate(starts)]
        whole = words(text)
        return cls(fmt, text, [key(r) for r in records], spans,
                   all(words(r.title) <= whole for r in records))

    def intact(self, touched: set[int] | None) -> list[int]:
        """Indexes of the records none of whose lines is in `touched` (None: all touched)."""
        if touched is None:
            return []
        first = self.spans[0][0]
        if self.fmt in HEADED and any(line < first for line in touched):
            return []
        # A damaged line may join the record beside it (no format can tell an orphan line
        # from the end of the record before), so the lines next to it count as touched.
        near = {line + step for line in touched for step in (-1, 0, 1)}
        return [i for i, (start, end) in enumerate(self.spans)
                if not any(start <= line <= end for line in near)]


def seeds(scratch: Path) -> dict[str, Seed]:
    """A seed for every format of the registry; a format without one is an error."""
    found = {}
    for fmt in FORMATS:
        if fmt in BUILDERS:
            text = BUILDERS[fmt]()
        elif fmt in SEED_FILES:
            text = SEED_FILES[fmt].read_text(encoding="utf-8")
        else:
            raise KeyError(f"no fuzz seed for format {fmt!r}: add one to tests/ingest/fuzzing.py")
        found[fmt] = Seed.build(fmt, text, scratch)
    return found


# ---------------------------------------------------------------- mutations

Mutation = tuple[str, set[int] | None, str]  # new text, touched lines (None: all), name


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _flip(rng: random.Random, text: str) -> tuple[bytes, set[int] | None, str]:
    data = bytearray(text.encode("utf-8"))
    at = rng.randrange(len(data))
    old = data[at]
    data[at] ^= 1 << rng.randrange(8)
    line = data.count(b"\n", 0, at) + 1
    breaks = {10, 13} & {old, data[at]}  # a line split or joined touches the next one too
    return bytes(data), {line, line + 1} if breaks else {line}, f"flip byte {at}"


def _local(rng: random.Random, text: str) -> Mutation:
    lines = text.split("\n")
    count = len(lines)
    choice = rng.randrange(9)
    at = rng.randrange(count)
    number = at + 1
    if choice == 0:
        offset = rng.randrange(len(text))
        return (text[:offset] + "\x00" + text[offset:], {_line_of(text, offset)},
                f"NUL at {offset}")
    if choice == 1:
        offset = rng.randrange(len(text))
        return (text[:offset], set(range(_line_of(text, offset), count + 1)),
                f"truncate at {offset}")
    if choice == 2:
        return ("\n".join(lines[:at] + lines[at + 1:]), {number}, f"delete line {number}")
    if choice == 3:
        return ("\n".join(lines[:at + 1] + lines[at:]), {number}, f"duplicate line {number}")
    if choice == 4:
        other = min(count - 1, at + rng.randrange(1, 4))
        lines[at], lines[other] = lines[other], lines[at]
        return "\n".join(lines), {number, other + 1}, f"swap lines {number} and {other + 1}"
    if choice == 5:  # swap the leading tags (RIS/MEDLINE/WoS) or end tags (XML) of two lines
        other = rng.randrange(count)
        a, b = lines[at], lines[other]
        lines[at], lines[other] = b[:6] + a[6:], a[:6] + b[6:]
        tags_a, tags_b = re.findall(r"</\w+>", a), re.findall(r"</\w+>", b)
        if tags_a and tags_b:
            lines[at], lines[other] = (a.replace(tags_a[-1], tags_b[-1]),
                                       b.replace(tags_b[-1], tags_a[-1]))
        return "\n".join(lines), {number, other + 1}, f"swap tags of {number} and {other + 1}"
    if choice == 6:
        marker = rng.choice(MARKERS)
        return ("\n".join(lines[:at] + [marker] + lines[at:]), {number - 1, number},
                f"insert {marker!r} before line {number}")
    if choice == 7:
        offset = rng.randrange(len(text))
        end = min(len(text), offset + rng.randrange(1, 40))
        return (text[:offset] + text[end:], set(range(_line_of(text, offset),
                                                      _line_of(text, end) + 1)),
                f"delete chars {offset}-{end}")
    return text, set(), "unchanged"


def _encode(rng: random.Random, text: str, touched: set[int] | None,
            original: str) -> tuple[bytes, set[int] | None, str]:
    choice = rng.randrange(9)
    if choice == 0:
        return text.replace("\n", "\r\n").encode("utf-8"), touched, "CRLF"
    if choice == 1:
        return text.replace("\n", "\r").encode("utf-8"), touched, "CR"
    if choice == 2:
        return text.encode("utf-16"), touched, "UTF-16"
    if choice == 3:
        # Lines with letters latin-1 lacks change (counted in the seed's own line numbers).
        lost = {i + 1 for i, line in enumerate(original.split("\n"))
                if line.encode("latin-1", "replace").decode("latin-1") != line}
        return (text.encode("latin-1", "replace"), None if touched is None else touched | lost,
                "latin-1")
    if choice == 4:
        return b"\xef\xbb\xbf" + text.encode("utf-8"), touched, "UTF-8 BOM"
    if choice == 5:
        return gzip.compress(text.encode("utf-8"), 6), touched, "gzip"
    if choice == 6:
        packed = gzip.compress(text.encode("utf-8"), 6)
        cut = rng.randrange(10, len(packed))
        survived = zlib.decompressobj(wbits=31).decompress(packed[:cut])
        first = survived.count(b"\n") + 1
        lost = set(range(first, text.count("\n") + 2))
        return (packed[:cut], None if touched is None else touched | lost,
                f"gzip cut at {cut} of {len(packed)}")
    return text.encode("utf-8"), touched, "UTF-8"


def mutate(rng: random.Random, seed: Seed) -> tuple[bytes, set[int] | None, str]:
    """One mutated input, the original lines it touched, and how it was made."""
    if rng.random() < 0.2:
        data, touched, name = _flip(rng, seed.text)
        return data, touched, name
    text, touched, name = _local(rng, seed.text)
    data, touched, coding = _encode(rng, text, touched, seed.text)
    return data, touched, f"{name}, {coding}"


# ---------------------------------------------------------------- checks


@dataclass
class Stats:
    inputs: int = 0
    failures: dict[str, list[str]] = field(default_factory=dict)

    def fail(self, kind: str, what: str) -> None:
        self.failures.setdefault(kind, []).append(what)


def check(seed: Seed, data: bytes, touched: set[int] | None, name: str, path: Path,
          stats: Stats) -> None:
    """Read one input and record each broken invariant under its kind."""
    path.write_bytes(data)
    intact = seed.intact(touched)
    what = f"{seed.fmt}: {name}"
    started = time.process_time()
    try:
        items = list(read_records(path, seed.fmt))
    except IngestError as error:
        if intact:
            stats.fail("loss", f"{what}: IngestError with {len(intact)} intact records: {error}")
        return
    except Exception as error:  # noqa: BLE001 - any other exception is the finding
        stats.fail("crash", f"{what}: {type(error).__name__}: {error}")
        return
    finally:
        spent = time.process_time() - started
        if spent > CPU_LIMIT:
            stats.fail("slow", f"{what}: {spent:.2f} s")
    records = [item for item in items if isinstance(item, Record)]
    skipped = sum(1 for item in items
                  if isinstance(item, RecordProblem) and not getattr(item, "kept", False))
    got = [key(record) for record in records]
    missing = [i for i in intact if seed.keys[i] not in got]
    if len(missing) > skipped:
        stats.fail("loss", f"{what}: records {[i + 1 for i in missing]} intact but lost or "
                   f"changed, {skipped} reported")
    if seed.traceable:
        text = _decoded(data)
        text += "\n" + clean_title(text)  # titles are cleaned (β -> beta, entities, ...)
        whole = words(text)
        joined = re.sub(r"[\W_]+", "", text.lower())
        for record in records:
            if any(word not in whole and word not in joined for word in words(record.title)):
                stats.fail("invented", f"{what}: title {record.title!r} is not in the file")


def _decoded(data: bytes) -> str:
    if data[:2] == b"\x1f\x8b":
        data = zlib.decompressobj(wbits=31).decompress(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace").replace("\x00", "")
    data = data.replace(b"\x00", b"")  # readers drop NULs, joining what they split
    return data.decode("utf-8", "replace") + data.decode("cp1252", "replace")


def run(seconds: float, scratch: Path, seed_number: int = 0, inputs: int | None = None) -> Stats:
    """Fuzz every format in turn for `seconds` in all, or for `inputs` inputs (the same ones
    on every machine); a fixed `seed_number` repeats a run."""
    scratch.mkdir(parents=True, exist_ok=True)
    formats = seeds(scratch)
    rng = random.Random(seed_number)
    stats = Stats()
    deadline = time.monotonic() + seconds
    path = scratch / "input"
    while (stats.inputs < inputs) if inputs is not None else (time.monotonic() < deadline):
        for seed in formats.values():
            data, touched, name = mutate(rng, seed)
            check(seed, data, touched, name, path, stats)
            stats.inputs += 1
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--scratch", type=Path, default=Path("build/fuzz"))
    args = parser.parse_args()
    stats = run(args.seconds, args.scratch, args.seed)
    print(f"seed {args.seed}: {stats.inputs} inputs fuzzed in {args.seconds:.0f} s")
    for kind, found in sorted(stats.failures.items()):
        print(f"{kind}: {len(found)}")
        for what in found[:20]:
            print(f"  {what}")
    return 1 if stats.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
