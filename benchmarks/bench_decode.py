"""How long decode takes on the longest text it accepts (MAX_TEXT_CHARS), in-process.

Run: .venv/bin/python benchmarks/bench_decode.py [--runs N]
Prints the median and the slowest of N runs (the first, which builds the reader, reported apart).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from roleadvisor.catalog.loader import load_catalog
from roleadvisor.decode import MAX_TEXT_CHARS, decode_text

ADVERT = Path(__file__).resolve().parents[1] / "tests" / "decode_set" / "mle-recsys-unnamed.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    catalog = load_catalog()
    advert = ADVERT.read_text(encoding="utf-8")
    text = (advert * (MAX_TEXT_CHARS // len(advert) + 1))[:MAX_TEXT_CHARS]
    start = time.perf_counter()
    first = decode_text(text, catalog)
    first_time = time.perf_counter() - start
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        decode_text(text, catalog)
        times.append(time.perf_counter() - start)
    print(
        f"decode of {len(text):,} characters ({first.words:,} words): first run {first_time:.2f} s, "
        f"median {statistics.median(times):.2f} s, slowest {max(times):.2f} s over {args.runs} runs"
    )


if __name__ == "__main__":
    main()
