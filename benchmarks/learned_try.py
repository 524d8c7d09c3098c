"""A dropped try, kept so that its numbers can be re-run: a small learned model beside the rules.

    .venv/bin/python benchmarks/learned_try.py --cv --held-out R445-R494
    .venv/bin/python benchmarks/learned_try.py --ranking
    .venv/bin/python benchmarks/learned_try.py --cv --set MENTIONS=1

One logistic regression per label (a value of outcomes, molecular_effects, assays, ev_sources,
recipient_cells or ev_cargo held by at least MIN_POSITIVE gold records), over the words and word
pairs of title and abstract (binary, scaled by 1/sqrt(number of features); `MENTIONS=1` adds
the lexicon's labels found in the study's own sentences), fitted by full-batch Adam in numpy
with an L2 penalty, the KEEP largest weights of each label kept. The model would ADD a value
when its probability reaches the field's threshold and the rules gave no value of that term.

`--cv`: 5 folds of real_paraphrase (by record, fixed seed); the other gold corpora (seed, dev,
holdout: project-written, weight 0.5) are trained on in every fold, never scored. Each
field's threshold is chosen on the training folds only, from out-of-fold probabilities of 3
inner folds: the probability at which the added values gain the field's F1 most on those
records (no gain: the field adds nothing). `--held-out FROM-TO`: train on every record but
those real_paraphrase ids, choose thresholds the same way, score those. `--ranking`: 5-fold
out-of-fold probabilities; per field, how many of the top-k candidate values (values the
rules did not give) are in the gold, and how many of the rules' directed values the model
would flip to another direction of the same term are right to flip (the veto weighed). Sealed
corpora are never read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

from exobone.extract import Extractor  # noqa: E402
from exobone.extract.pipeline import MAX_CHARS, build_document  # noqa: E402
from exobone.ingest import read_records  # noqa: E402
from exobone.model import Record  # noqa: E402
from exobone.schema import SET_FIELDS  # noqa: E402

# (corpus folder, bibliography, gold, weight): real text counts fully, project-written half.
CORPORA = (
    ("tests/data/real_paraphrase", "real_bibliography.txt", "real_gold.jsonl", 1.0),
    ("../shared/gold", "../seed/exosome_bone_bibliography.txt", "seed_gold.jsonl", 0.5),
    ("tests/data/dev_corpus", "dev_bibliography.txt", "dev_gold.jsonl", 0.5),
    ("tests/data/holdout", "holdout_bibliography.txt", "holdout_gold.jsonl", 0.5),
)
FIELDS = ("outcomes", "molecular_effects", "assays", "ev_sources", "recipient_cells", "ev_cargo")
DIRECTIONS = frozenset({"increase", "decrease", "no_change", "up", "down"})
MIN_POSITIVE = 8  # records with the value, below which a label gets no model
MIN_DOCS = 3  # records with a feature, below which it is dropped
KEEP = 150  # weights kept per label (largest first)
L2 = 1e-3
STEPS = 300
RATE = 0.2
GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)
MENTIONS = False
SEED = 18
WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Item:
    """One gold-coded record: its features, gold and what the rules gave."""

    id: str
    weight: float
    found: frozenset[str]
    gold: dict[str, set[str]]
    rules: dict[str, set[str]]
    other: tuple[int, int, int]  # the rules' tp, fp, fn in the fields the model leaves alone


def features(text: str) -> set[str]:
    """The words of `text` and its pairs of neighbouring words."""
    words = WORD.findall(text.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def term(value: str) -> str:
    head, _, tail = value.rpartition("|")
    return head if tail in DIRECTIONS else value


def load_items() -> list[Item]:
    """Every record of the corpora with its gold (paired by order, titles checked)."""
    extractor = Extractor()
    items: list[Item] = []
    for folder, bib, gold_name, weight in CORPORA:
        if "sealed" in folder + bib + gold_name:
            raise SystemExit(f"refusing a sealed corpus: {folder}")
        base = ROOT / folder
        records = [r for r in read_records(base / bib) if isinstance(r, Record)]
        golds = [json.loads(x) for x in (base / gold_name).read_text().splitlines() if x.strip()]
        if len(records) != len(golds):
            raise SystemExit(f"{folder}: {len(records)} records but {len(golds)} gold rows")
        for record, gold in zip(records, golds, strict=True):
            if _key(record.title) != _key(gold.get("title")):
                raise SystemExit(f"{folder} {gold['id']}: title differs from the bibliography's")
            title = (record.title or "").strip()
            abstract = (record.abstract or "").strip()[:MAX_CHARS]
            found = features(title + " . " + abstract)
            if MENTIONS:
                doc = build_document(record)
                found |= {f"@{m.kind}={m.label}" for m in doc.mentions if not doc.is_background(m)}
            predicted = extractor.extract(record, gold["id"]).annotations
            items.append(
                Item(
                    id=f"{Path(folder).name}:{gold['id']}",
                    weight=weight,
                    found=frozenset(found),
                    gold={f: set(gold.get(f) or []) for f in FIELDS},
                    rules={f: set(predicted.get(f) or []) for f in FIELDS},
                    other=_other_counts(gold, predicted),
                )
            )
    return items


def _other_counts(gold: dict[str, Any], predicted: dict[str, Any]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for name in SET_FIELDS:
        if name not in FIELDS:
            g = {str(x).strip().casefold() for x in gold.get(name) or []}
            p = {str(x).strip().casefold() for x in predicted.get(name) or []}
            tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    return tp, fp, fn


def _key(title: object) -> str:
    return "".join(c for c in str(title or "").casefold() if c.isalnum())


class Model:
    """Labels, their biases and sparse (pruned) weights over a vocabulary."""

    def __init__(self, items: list[Item]) -> None:
        counts: dict[str, int] = {}
        df: dict[str, int] = {}
        for item in items:
            for f in FIELDS:
                for v in item.gold[f]:
                    counts[f"{f}={v}"] = counts.get(f"{f}={v}", 0) + 1
            for x in item.found:
                df[x] = df.get(x, 0) + 1
        self.labels = sorted(k for k, n in counts.items() if n >= MIN_POSITIVE)
        self.vocab = sorted(x for x, n in df.items() if n >= MIN_DOCS)
        self.index = {x: i for i, x in enumerate(self.vocab)}
        x = self.matrix(items)
        n, d, k = x.shape[0], x.shape[1], len(self.labels)
        y = np.array(
            [
                [v in item.gold[f] for f, v in (lab.split("=", 1) for lab in self.labels)]
                for item in items
            ],
            dtype=float,
        ).reshape(n, k)
        sample = np.array([item.weight for item in items])[:, None]
        total = float(sample.sum())
        w = np.zeros((d, k))
        b = np.log((y * sample).sum(0) + 0.5) - np.log(((1 - y) * sample).sum(0) + 0.5)
        m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
        for step in range(1, STEPS + 1):
            g = (1.0 / (1.0 + np.exp(-(x @ w + b))) - y) * sample / total
            gw, gb = x.T @ g + L2 * w, g.sum(0)
            m_w, v_w = 0.9 * m_w + 0.1 * gw, 0.999 * v_w + 0.001 * gw * gw
            m_b, v_b = 0.9 * m_b + 0.1 * gb, 0.999 * v_b + 0.001 * gb * gb
            fix1, fix2 = 1 - 0.9**step, 1 - 0.999**step
            w -= RATE * (m_w / fix1) / (np.sqrt(v_w / fix2) + 1e-8)
            b -= RATE * (m_b / fix1) / (np.sqrt(v_b / fix2) + 1e-8)
        for c in range(k):  # keep each label's KEEP largest weights
            w[np.argsort(-np.abs(w[:, c]), kind="stable")[KEEP:], c] = 0.0
        self.w, self.b = w, b

    def matrix(self, items: list[Item]) -> np.ndarray:
        x = np.zeros((len(items), len(self.vocab)))
        for r, item in enumerate(items):
            scale = 1.0 / np.sqrt(max(len(item.found), 1))
            for feature in item.found:
                j = self.index.get(feature)
                if j is not None:
                    x[r, j] = scale
        return x

    def probabilities(self, items: list[Item]) -> list[dict[str, float]]:
        p = 1.0 / (1.0 + np.exp(-(self.matrix(items) @ self.w + self.b)))
        return [dict(zip(self.labels, row.tolist(), strict=True)) for row in p]


def predicted(item: Item, probs: dict[str, float], thresholds: dict[str, float]) -> dict[str, set]:
    """The rules' values plus the model's: a value at or over its field's threshold whose term
    the rules did not give."""
    out = {f: set(item.rules[f]) for f in FIELDS}
    for label, p in probs.items():
        f, v = label.split("=", 1)
        if f in thresholds and p >= thresholds[f] and term(v) not in map(term, item.rules[f]):
            out[f].add(v)
    return out


def counts(items: list[Item], preds: list[dict[str, set]]) -> dict[str, list[int]]:
    out = {f: [0, 0, 0] for f in FIELDS}
    for item, pred in zip(items, preds, strict=True):
        for f in FIELDS:
            g = {x.casefold() for x in item.gold[f]}
            p = {x.casefold() for x in pred[f]}
            out[f][0] += len(g & p)
            out[f][1] += len(p - g)
            out[f][2] += len(g - p)
    return out


def f1(c: list[int]) -> float:
    return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if any(c) else 0.0


def folds(n: int, k: int, seed: int) -> list[list[int]]:
    order = np.random.default_rng(seed).permutation(n).tolist()
    return [sorted(order[i::k]) for i in range(k)]


def out_of_fold(items: list[Item], scored: list[int], k: int) -> dict[int, dict[str, float]]:
    """Probabilities of the records `scored` (indexes into `items`), each from a model trained
    without its fold; every other record is trained on in every fold."""
    oof: dict[int, dict[str, float]] = {}
    for part in folds(len(scored), k, SEED):
        held = {scored[i] for i in part}
        model = Model([x for i, x in enumerate(items) if i not in held])
        tested = sorted(held)
        oof.update(zip(tested, model.probabilities([items[i] for i in tested]), strict=True))
    return oof


def choose_thresholds(items: list[Item]) -> dict[str, float]:
    """Per field, the threshold that gains most F1 on `items`' real records, out of fold."""
    real = [i for i, x in enumerate(items) if x.weight >= 1.0]
    oof = out_of_fold(items, real, 3)
    scored = [items[i] for i in real]
    base = counts(scored, [predicted(x, {}, {}) for x in scored])
    chosen: dict[str, float] = {}
    for f in FIELDS:
        best, best_gain = None, 0.0
        for t in GRID:
            gain = f1(counts(scored, [predicted(items[i], oof[i], {f: t}) for i in real])[f])
            if gain - f1(base[f]) > best_gain + 1e-9:
                best, best_gain = t, gain - f1(base[f])
        if best is not None:
            chosen[f] = best
    return chosen


def report(title: str, items: list[Item], preds: list[dict[str, set]]) -> None:
    a = counts(items, [predicted(x, {}, {}) for x in items])
    b = counts(items, preds)
    print(f"\n{title} ({len(items)} records)")
    print(f"{'field':<18} {'rules F1':>8} {'+model':>8} {'delta':>7}   tp/fp/fn rules -> +model")
    tot_a, tot_b = [0, 0, 0], [0, 0, 0]
    for f in FIELDS:
        print(
            f"{f:<18} {f1(a[f]):8.3f} {f1(b[f]):8.3f} {f1(b[f]) - f1(a[f]):+7.3f}   "
            f"{'/'.join(map(str, a[f]))} -> {'/'.join(map(str, b[f]))}"
        )
        tot_a = [x + y for x, y in zip(tot_a, a[f], strict=True)]
        tot_b = [x + y for x, y in zip(tot_b, b[f], strict=True)]
    other = [sum(x.other[j] for x in items) for j in range(3)]
    all_a = [x + y for x, y in zip(tot_a, other, strict=True)]
    all_b = [x + y for x, y in zip(tot_b, other, strict=True)]
    print(
        f"{'micro, all fields':<18} {f1(all_a):8.4f} {f1(all_b):8.4f} {f1(all_b) - f1(all_a):+.4f}"
    )
    print(f"the model added {tot_b[0] - tot_a[0]} right and {tot_b[1] - tot_a[1]} wrong values")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv", action="store_true", help="5-fold CV on real_paraphrase")
    parser.add_argument("--held-out", help="real_paraphrase ids FROM-TO trained apart (R445-R494)")
    parser.add_argument("--ranking", action="store_true", help="precision of the top candidates")
    parser.add_argument("--set", nargs="*", default=[], help="NAME=VALUE: a setting to try")
    args = parser.parse_args()
    for setting in args.set:
        name, value = setting.split("=", 1)
        globals()[name] = type(globals()[name])(float(value) if "." in value else int(value))
    items = load_items()
    real = [i for i, x in enumerate(items) if x.weight >= 1.0]
    fresh: list[int] = []
    if args.held_out:
        low, high = (int(x.lstrip("R")) for x in args.held_out.split("-"))
        fresh = [i for i in real if low <= int(items[i].id.rsplit(":R", 1)[1]) <= high]
        training = [x for i, x in enumerate(items) if i not in set(fresh)]
        thresholds = choose_thresholds(training)
        tested = [items[i] for i in fresh]
        probs = Model(training).probabilities(tested)
        print(f"held out: thresholds {thresholds}", file=sys.stderr)
        preds = [predicted(x, p, thresholds) for x, p in zip(tested, probs, strict=True)]
        report(f"held out {args.held_out}", tested, preds)
    rest = [i for i in real if i not in set(fresh)]
    pool = [x for i, x in enumerate(items) if i not in set(fresh)]
    if args.cv:
        scored, preds = [], []
        for number, part in enumerate(folds(len(rest), 5, SEED)):
            held = {rest[i] for i in part}
            training = [x for i, x in enumerate(items) if i not in held and i not in set(fresh)]
            thresholds = choose_thresholds(training)
            tested = [items[i] for i in sorted(held)]
            probs = Model(training).probabilities(tested)
            preds += [predicted(x, p, thresholds) for x, p in zip(tested, probs, strict=True)]
            scored += tested
            print(f"fold {number}: thresholds {thresholds}", file=sys.stderr)
        report("5-fold CV, real_paraphrase", scored, preds)
    if args.ranking:
        oof = out_of_fold(pool, [i for i, x in enumerate(pool) if x.weight >= 1.0], 5)
        print("\nvalues the rules did not give, ranked by out-of-fold probability")
        for f in FIELDS:
            ranked = sorted(
                (-p, items_gold)
                for i, probs in oof.items()
                for label, p in probs.items()
                if label.startswith(f + "=")
                and term(v := label.split("=", 1)[1]) not in map(term, pool[i].rules[f])
                for items_gold in [v in pool[i].gold[f]]
            )
            right = sum(g for _, g in ranked)
            tops = ", ".join(f"{sum(g for _, g in ranked[:k])}/{k}" for k in (5, 10, 20, 40))
            print(f"{f:<18} {len(ranked):5} candidates, {right:3} in gold; right in top: {tops}")
        print("\nthe rules' directed values the model would flip, by its margin for the other way")
        for f in ("outcomes", "molecular_effects"):
            flips = []  # (margin, the flip is right)
            for i, probs in oof.items():
                item = pool[i]
                for v in item.rules[f]:
                    for label, p in probs.items():
                        w = label.split("=", 1)[1]
                        if label.startswith(f + "=") and w != v and term(w) == term(v):
                            margin = p - probs.get(f"{f}={v}", 0.0)
                            flips.append((-margin, w in item.gold[f] and v not in item.gold[f]))
            flips.sort()
            right = sum(g for _, g in flips)
            tops = ", ".join(f"{sum(g for _, g in flips[:k])}/{k}" for k in (5, 10, 20))
            print(f"{f:<18} {len(flips):5} flips, {right:3} right; right in top: {tops}")


if __name__ == "__main__":
    main()
