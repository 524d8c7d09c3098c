"""Memory of the streaming text readers: peak RSS on a small and a large file of each format.

    python benchmarks/bench_formats_memory.py [--mb 1024] [--formats wos,csl_json,...]

For each format a synthetic file is written under benchmarks/data/ (gitignored) by repeating
one hand-written record (numbered, so no two are the same), once at 1/16 of --mb and once
at --mb; a fresh Python process reads each with `exobone.ingest.read_records` and reports
records, seconds and its peak RSS (ru_maxrss). A streaming reader's peak is the same at both
sizes: it holds one record, not the file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"

_ABSTRACT = ("Vesicles from bone marrow stem cells (10 µg) were injected into the knee joint "
             "of rats twice a week; cartilage loss fell by half at week 8. ") * 4


def _pubmed_text(n: int) -> str:
    return (f"{n}. Bone. 2020 Mar;{n}(2):1–9. doi: 10.1000/b.{n}.\n\nVesicles {n} in bone.\n\n"
            f"Chen X(1), Doe AB(2).\n\nAuthor information: \n(1)Dept, City, China.\n\n"
            f"{_ABSTRACT}\n\nDOI: 10.1000/b.{n}\nPMID: {n}  [Indexed for MEDLINE]\n\n\n")


def _wos(n: int) -> str:
    return (f"PT J\nAU Chen, X\n   Doe, AB\nTI Vesicles {n} in bone\nSO BONE\nJI Bone\n"
            f"AB {_ABSTRACT}\n   Second paragraph.\nPY 2020\nVL {n}\nBP 1\nEP 9\n"
            f"DI 10.1000/b.{n}\nUT WOS:{n:015d}\nER\n\n")


def _csl_json(n: int) -> str:
    item = {"type": "article-journal", "title": f"Vesicles {n} in bone", "abstract": _ABSTRACT,
            "author": [{"family": "Chen", "given": "X"}], "container-title": "Bone",
            "issued": {"date-parts": [[2020]]}, "DOI": f"10.1000/b.{n}", "page": "1–9"}
    return json.dumps(item, ensure_ascii=False, indent=2) + ",\n"


def _csv(n: int) -> str:
    return f'"Chen X.; Doe A.","Vesicles {n} in bone",2020,Bone,"{_ABSTRACT}",10.1000/b.{n}\n'


def _bibtex(n: int) -> str:
    return (f"@article{{chen{n},\n  author={{Chen, X. and Doe, A.}},\n  title={{Vesicles {n}}},\n"
            f"  journal={{Bone}},\n  year={{2020}},\n  abstract={{{_ABSTRACT}}}\n}}\n\n")


def _endnote_text(n: int) -> str:
    return (f'Chen, X., et al. (2020). "Vesicles {n} in bone." Bone {n}(2): 1–9.\n\n'
            f"{_ABSTRACT}\n\n")


# name: (file suffix, header, record writer, footer)
FORMATS: dict[str, tuple[str, str, Callable[[int], str], str]] = {
    "pubmed_text": (".txt", "", _pubmed_text, ""),
    "wos": (".txt", "FN Clarivate Analytics Web of Science\nVR 1.0\n", _wos, "EF\n"),
    "csl_json": (".json", "[\n", _csl_json, '{"title": "Last"}\n]\n'),
    "csv": (".csv", "Authors,Title,Year,Source title,Abstract,DOI\n", _csv, ""),
    "bibtex": (".bib", "", _bibtex, ""),
    "endnote_text": (".txt", "", _endnote_text, ""),
}

_READ = """
import resource, sys, time
from exobone.ingest import read_records
from exobone.model import Record
start = time.perf_counter()
count = sum(isinstance(item, Record) for item in read_records(sys.argv[1], sys.argv[2]))
print(count, round(time.perf_counter() - start, 1),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def write(name: str, megabytes: int) -> Path:
    suffix, header, record, footer = FORMATS[name]
    path = DATA / f"memory_{name}_{megabytes}mb{suffix}"
    if path.exists():
        return path
    DATA.mkdir(exist_ok=True)
    limit = megabytes << 20
    with open(f"{path}.part", "w", encoding="utf-8") as out:
        out.write(header)
        n = 0
        while out.tell() < limit:
            n += 1
            out.write("".join(record(n + k) for k in range(1000)))
            n += 999
        out.write(footer)
    Path(f"{path}.part").rename(path)
    return path


def measure(path: Path, name: str) -> tuple[int, float, int]:
    done = subprocess.run([sys.executable, "-c", _READ, str(path), name], check=True,
                          capture_output=True, text=True)
    records, seconds, rss = done.stdout.split()
    return int(records), float(seconds), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1024, help="size of the large file (MB)")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    print(f"{'format':<13} {'MB':>5} {'records':>9} {'seconds':>8} {'peak RSS MB':>12}")
    for name in args.formats.split(","):
        for megabytes in (max(1, args.mb // 16), args.mb):
            started = time.perf_counter()
            path = write(name, megabytes)
            written = time.perf_counter() - started
            records, seconds, rss = measure(path, name)
            print(f"{name:<13} {megabytes:>5} {records:>9} {seconds:>8} {rss:>12}"
                  f"   (file written in {written:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
