"""Turn the NER corpus (train/out/corpus/*.spacy) into e5 piece windows for train/e5_ner.py."""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from lagebild.nlp import e5, ner_e5


def main(corpus: Path, out: Path) -> None:
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
            wins.extend(ner_e5.windows(pieces, tok.bos, tok.eos, tags))
        with open(out / f"{split}.pkl", "wb") as fh:
            pickle.dump(wins, fh)
        n = sum(len(w.ids) for w in wins)
        print(split, len(docs), "docs", len(wins), "windows", n, "pieces", f"{time.time()-t0:.0f}s", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
