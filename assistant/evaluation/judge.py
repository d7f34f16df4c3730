"""The optional stronger judge (``eval --judge local``): the local model's P(yes) that a
paragraph fully supports a claim, read from its first-token probabilities."""

from __future__ import annotations

import numpy as np

JUDGE_SYSTEM = "You check facts. Answer with one word: yes or no."


def judge_prompt(claim: str, paragraph: str) -> str:
    """Qwen's chat format, written out so the answer's first token can be scored directly."""
    user = (f"Paragraph:\n{paragraph}\n\nClaim: {claim}\n\n"
            "Is the claim fully supported by the paragraph? Answer yes or no.")
    return (f"<|im_start|>system\n{JUDGE_SYSTEM}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n"
            "<|im_start|>assistant\n")


class LocalJudge:
    def __init__(self, llm, threshold: float = 0.5):
        self.llm = llm
        self.threshold = threshold
        self._yes = self._token_ids(["yes", "Yes", " yes", " Yes", "YES"])
        self._no = self._token_ids(["no", "No", " no", " No", "NO"])

    def _token_ids(self, words: list[str]) -> list[int]:
        ids = set()
        for w in words:
            toks = self.llm.tokenize(w.encode(), add_bos=False, special=False)
            if len(toks) == 1:
                ids.add(toks[0])
        return sorted(ids)

    def p_yes(self, claim: str, paragraph: str) -> float:
        """P(yes) / (P(yes) + P(no)) for the first token of the answer."""
        tokens = self.llm.tokenize(judge_prompt(claim, paragraph).encode(), add_bos=False, special=True)
        # reuse the cached prefix (the system prompt, often the paragraph too)
        cached = self.llm.input_ids[: self.llm.n_tokens].tolist()
        same = 0
        for a, b in zip(cached, tokens[:-1]):
            if a != b:
                break
            same += 1
        self.llm.n_tokens = same
        self.llm.eval(tokens[same:])
        logits = np.ctypeslib.as_array(self.llm._ctx.get_logits(), shape=(self.llm.n_vocab(),)).astype(np.float64)
        logits -= logits.max()
        probs = np.exp(logits)
        yes, no = probs[self._yes].sum(), probs[self._no].sum()
        return float(yes / (yes + no)) if yes + no > 0 else 0.0

    def supports(self, claim: str, paragraph: str) -> bool:
        return self.p_yes(claim, paragraph) >= self.threshold
