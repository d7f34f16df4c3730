"""Pull the sentence texts out of a JSON answer while the model is still writing it."""

from __future__ import annotations

import json
import re
from typing import Callable

_TEXT_KEY = re.compile(r'"text"\s*:\s*"$')


class SentenceStream:
    """Feed it raw JSON text as it arrives; it calls ``on_text`` with each new piece of sentence text.

    Sentences are separated by a single space. Escapes (``\\"``, ``\\n``, ``\\uXXXX``) are decoded.
    """

    def __init__(self, on_text: Callable[[str], None] | None):
        self.on_text = on_text
        self._seen = ""  # raw JSON outside strings we emit, enough to spot the "text" key
        self._in_text = False
        self._escape = ""
        self._sentences = 0

    def feed(self, chunk: str) -> None:
        if self.on_text is None:
            return
        out = []
        for ch in chunk:
            if not self._in_text:
                self._seen = (self._seen + ch)[-40:]
                if _TEXT_KEY.search(self._seen):
                    self._in_text = True
                    self._seen = ""
                    if self._sentences:
                        out.append(" ")
                    self._sentences += 1
                continue
            if self._escape:
                self._escape += ch
                if self._escape.startswith("\\u") and len(self._escape) < 6:
                    continue
                try:
                    out.append(json.loads(f'"{self._escape}"'))
                except json.JSONDecodeError:
                    pass
                self._escape = ""
            elif ch == "\\":
                self._escape = ch
            elif ch == '"':
                self._in_text = False
            else:
                out.append(ch)
        if out:
            self.on_text("".join(out))
