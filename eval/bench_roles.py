"""The role check of the verifier (``assistant/roles.py``) on real reporting: what it catches and what it wrongly flags.

    .venv/bin/python eval/bench_roles.py [--corpus ../shared/bench/realtimeqa/corpus.jsonl] [--sentences 150] [--missed 5]

* **Swaps caught**: sentences of the corpus whose clauses have two different people as subjects, the two names
  swapped ("Michelle Yeoh and Ke Huy Quan garnered lead comedy actress ..." written with Austin Butler's name),
  checked against their own paragraph. A swap the check misses is one the word-overlap support check passes too:
  every word is still in the paragraph.
* **False alarms**: every sentence of the same paragraphs, unchanged, checked against its paragraph (the support
  check skips a verbatim quotation, so this measures how the parse of a sentence alone agrees with its parse in
  the paragraph, the nearest stand-in for a faithful paraphrase).

The corpus is read at run time (never copied); paragraphs are drawn in a fixed random order.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.nlp import parse  # noqa: E402
from assistant.roles import misbound  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "realtimeqa" / "corpus.jsonl"


def paragraphs(corpus: Path, seed: int = 2) -> list[str]:
    out = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            out += [p for p in json.loads(line)["body"].split("\n\n") if 100 < len(p) < 1500]
    random.Random(seed).shuffle(out)
    return out


def swapped(sentence) -> str | None:
    """The sentence with the names of the first two people who are subjects in it swapped, or None."""
    people = {e.root.i: e for e in sentence.ents if e.label_ == "PERSON"}
    subjects = [people[t.i] for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.i in people]
    names = list(dict.fromkeys(e.text for e in subjects))
    if len(names) < 2 or names[0] in names[1] or names[1] in names[0]:
        return None
    a, b = names[:2]
    text = sentence.text.replace(a, "\0").replace(b, a).replace("\0", b)
    return text if text != sentence.text else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sentences", type=int, default=150, help="stop after this many swapped sentences")
    ap.add_argument("--missed", type=int, default=5, help="print this many of the swaps not caught")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench_roles: corpus {args.corpus} not found; pass --corpus PATH", file=sys.stderr)
        return 2
    swaps = caught = checked = flagged = 0
    missed, alarms = [], []
    t = time.perf_counter()
    for p in paragraphs(args.corpus):
        for s in parse(p).sents:
            text = swapped(s)
            if text is not None:
                swaps += 1
                if misbound(text, p) is not None:
                    caught += 1
                elif len(missed) < args.missed:
                    missed.append(text[:140])
            if len(s.text) >= 30:
                checked += 1
                found = misbound(s.text, p)
                if found is not None:
                    flagged += 1
                    alarms.append(f"{s.text[:120]} -> {found.reason()}")
        if swaps >= args.sentences:
            break
    took = time.perf_counter() - t
    print("| measure | value |\n|---|---|")
    print(f"| swapped sentences caught | {caught}/{swaps} ({caught / max(swaps, 1):.2f}) |")
    print(f"| unchanged sentences flagged (false alarms) | {flagged}/{checked} ({flagged / max(checked, 1):.3f}) |")
    print(f"| time | {took:.0f} s for {swaps + checked} checks |")
    for m in missed:
        print(f"missed: {m}")
    for a in alarms[:10]:
        print(f"false alarm: {a}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
