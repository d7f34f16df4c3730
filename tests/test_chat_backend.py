"""The openai:<model> backend over a real HTTP round trip to a small server of the test's own."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytest.importorskip("langchain_openai", reason="make setup installs the backends extra")

ANSWERS = {"json": json.dumps({"sentences": [{"text": "The ferry carried 118,000 passengers last year.", "citations": [1, 2]}],
                               "cannot_answer": False}),
           "text": "The ferry carried 118,000 passengers last year. [1][2]"}


class _Handler(BaseHTTPRequestHandler):
    requests: list = []
    answer = ANSWERS["text"]

    def do_POST(self):  # noqa: N802 - http.server's name
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append((self.path, body))
        answer = type(self).answer
        chunks = [answer[i:i + 7] for i in range(0, len(answer), 7)]
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in chunks:
                event = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body["model"],
                         "choices": [{"index": 0, "delta": {"role": "assistant", "content": piece}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            return
        out = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
               "choices": [{"index": 0, "message": {"role": "assistant", "content": "How many passengers did the ferry carry?"},
                            "finish_reason": "stop"}],
               "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(out).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.requests = []
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/v1"
    srv.shutdown()


@pytest.mark.parametrize("answer_format", ["text", "json"])
def test_openai_compatible_endpoint_round_trip(server, settings, embedder, small_corpus, answer_format):
    from assistant import Assistant, Settings

    _Handler.answer = ANSWERS[answer_format]
    s = Settings(**{**settings.__dict__, "generator": "openai:tiny-model", "openai_base_url": server,
                    "answer_format": answer_format})
    a = Assistant(settings=s, embedder=embedder)
    a.ingest([small_corpus])
    streamed = []
    ans = a.ask("How many passengers did the night ferry carry last year?", on_text=streamed.append)
    assert "".join(streamed) == "The ferry carried 118,000 passengers last year."
    assert ans.generator == "openai:tiny-model" and not ans.refused
    assert ans.text == "According to the authority's annual report, the ferry carried 118,000 passengers last year (2023). [1]"  # the relative date resolved
    assert ans.citations[0].paragraph_id == "ferry#p2"  # the verifier kept the citation that supports it
    path, body = _Handler.requests[0]
    assert path == "/v1/chat/completions" and body["model"] == "tiny-model" and body["temperature"] == 0
    assert "Question: How many passengers" in body["messages"][-1]["content"]
