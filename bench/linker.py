"""Benchmark: the actor linker alone, per article, on real German news.

    .venv/bin/python bench/linker.py                 # 400 10kGNAD articles, 3 repeats
    .venv/bin/python bench/linker.py --limit 1000 --repeat 5

The articles are split into sentences and read by the NER model once (the `ner` stage, on
trigger sentences as the pipeline does); then ``Linker.link`` is timed after 50 warm-up
articles. Prints ms/article per repeat and, as the last line, ``link_ms_per_article=<median>``.
The data set is CC BY-NC-SA: read from ../shared/data, never copied into the repository.
"""

from __future__ import annotations

import argparse
import statistics
import time

from lagebild.extract.actors import Linker
from lagebild.extract.events import may_hold_event
from lagebild.models import Document
from lagebild.nlp import ner, ner_train
from lagebild.nlp.sentences import split_sentences


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=400, help="articles (first N of test.csv)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the median is reported")
    args = parser.parse_args()
    texts = ner_train.read_10kgnad(limit=args.limit)
    docs = [Document(id=str(i), doc=str(i), source="10kgnad", body=t, published=None,
                     sentences=split_sentences(t)) for i, t in enumerate(texts)]
    docs = ner.recognize_many(docs, ner.load_model(), keep_sentence=may_hold_event)
    linker = Linker()
    for doc in docs[:50]:
        linker.link(doc)
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for doc in docs:
            linker.link(doc)
        runs.append((time.perf_counter() - start) / len(docs) * 1000)
        print(f"link: {runs[-1]:.2f} ms/article over {len(docs)} articles")
    print(f"link_ms_per_article={statistics.median(runs):.2f}")


if __name__ == "__main__":
    main()
