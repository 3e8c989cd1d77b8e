"""Turn the NER corpus (train/out/corpus/*.spacy) into e5 piece windows for train/e5_ner.py.

    python train/e5_ner_data.py train/out/corpus train/out/e5 [--misc-partial]

With ``--misc-partial``, in a document whose corpus does not annotate MISC
(``Doc.user_data["labels"]``) every "O" word becomes ``OUTSIDE_OR_MISC``: the trainer then
asks only that the word is no PER, LOC or ORG, instead of teaching that a currency or product
there is no name. Measured in runT4p (train/NER_RESULTS.md): MISC recall up, LOC precision
down, no net gain; off by default.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from lagebild.nlp import e5, ner_e5

OUTSIDE_OR_MISC = -2  # a tag value: O, B-MISC or I-MISC, the corpus does not say which


def partial_tags(tags: list[int], labels: object) -> list[int]:
    if labels is None or "MISC" in labels:
        return tags
    outside = ner_e5.TAG_INDEX["O"]
    return [OUTSIDE_OR_MISC if t == outside else t for t in tags]


def main(corpus: Path, out: Path, misc_partial: bool = False) -> None:
    enc = e5.load()
    tok = enc.tokenizer
    nlp = spacy.blank("de")
    out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "heldout"):
        t0 = time.time()
        docs = list(DocBin().from_disk(corpus / f"{split}.spacy").get_docs(nlp.vocab))
        wins = []
        for doc in docs:
            spans = [(t.idx, t.idx + len(t.text)) for t in doc]
            pieces = ner_e5.word_pieces(tok, doc.text, spans)
            tags = ner_e5.tag_ids([t.ent_iob_ for t in doc], [t.ent_type_ for t in doc])
            if misc_partial:
                tags = partial_tags(tags, doc.user_data.get("labels"))
            wins.extend(ner_e5.windows(pieces, tok.bos, tok.eos, tags))
        with open(out / f"{split}.pkl", "wb") as fh:
            pickle.dump(wins, fh)
        n = sum(len(w.ids) for w in wins)
        print(split, len(docs), "docs", len(wins), "windows", n, "pieces", f"{time.time()-t0:.0f}s", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), "--misc-partial" in sys.argv[3:])
