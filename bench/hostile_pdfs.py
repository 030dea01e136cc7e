"""Time of the PDF check on hostile documents, as ratios to the largest genuine one.

Run with `make bench-pdf`. The corpus is the tests' own (tests/fixtures/hostile_pdfs.py);
the tests count the objects each check reads, which is deterministic; this measures the
time, which is not: rounds interleaved, each document's time divided by the 500-page
document's time in the same round, and the median ratio over the rounds reported with its
range. Target (SPEC §13, nothing hostile is expensive): every median below 2.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "consortium.settings.test"

import django  # noqa: E402

django.setup()

from consortium.intake.pdf_check import judge  # noqa: E402
from tests.fixtures.hostile_pdfs import HOSTILE, pages  # noqa: E402

ROUNDS = 15
TARGET = 2.0


def seconds(content: bytes) -> float:
    start = time.perf_counter()
    judge(content)
    return time.perf_counter() - start


def main() -> int:
    largest = pages(500)
    corpus = {name: build() for name, build in HOSTILE.items()}
    corpus["100,000 empty pages"] = pages(100_000)
    corpus["2,000 pages said to be one"] = pages(2_000, declared=1, page_type=b"/P#61ge")
    ratios: dict[str, list[float]] = {name: [] for name in corpus}
    reference = []
    for _round in range(ROUNDS):
        base = seconds(largest)
        reference.append(base)
        for name, content in corpus.items():
            ratios[name].append(seconds(content) / base)
    print(f"500 genuine pages: median {statistics.median(reference) * 1000:.1f} ms")
    print(f"{'document':<55} {'median':>7}  range")
    failed = False
    for name, values in ratios.items():
        median = statistics.median(values)
        failed |= median >= TARGET
        print(f"{name:<55} {median:7.3f}  [{min(values):.3f}–{max(values):.3f}]")
    print("target: every median below", TARGET, "—", "MISSED" if failed else "met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
