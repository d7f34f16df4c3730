"""Pull the sentence texts out of a JSON answer while the model is still writing it."""

from __future__ import annotations

import json
import re
from typing import Callable

from ..prompts import TEXT_REFUSAL

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


class MarkerStream:
    """For an answer in plain sentences: passes the text on as it arrives, less its citation markers ("[2]"),
    which may arrive split over several pieces, and less a refusal ("CANNOT ANSWER")."""

    def __init__(self, on_text: Callable[[str], None] | None):
        self.on_text = on_text
        self._held = ""  # text that may still turn out to be a marker or the refusal
        self._space = ""  # a space before a marker goes with the marker

    def feed(self, chunk: str) -> None:
        if self.on_text is None:
            return
        out = []
        for ch in chunk:
            if self._held:
                self._held += ch
                if self._held.startswith("[") and _MARKER_SO_FAR.fullmatch(self._held):
                    if ch == "]":
                        self._held = ""  # a whole marker: dropped, with the space before it
                        self._space = ""
                    continue
                if TEXT_REFUSAL.startswith(self._held.upper()):
                    continue
                out.append(self._space + self._held)
                self._held = self._space = ""
                continue
            if ch == "[" or ch == TEXT_REFUSAL[0]:
                self._held = ch
            elif ch == " ":
                out.append(self._space)
                self._space = " "
            else:
                out.append(self._space + ch)
                self._space = ""
        if out and "".join(out):
            self.on_text("".join(out))


_MARKER_SO_FAR = re.compile(r"\[\s*\d*(?:\s*,\s*\d*)*\s*\]?")
