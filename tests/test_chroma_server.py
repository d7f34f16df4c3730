"""Chroma as a server: `assistant chroma` on a free loopback port, one process ingests, two others ask."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import REPO

pytestmark = pytest.mark.integration

SEED = "000_b36a257934fc05c5"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    port = _free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "chroma", "--port", str(port)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail(f"chroma server did not start: {proc.stdout.read()}")
            time.sleep(0.2)
    yield {"url": url, "data": tmp_path / "data"}
    proc.terminate()
    proc.wait(timeout=30)
    # stopping `assistant chroma` stops the server: nothing is left listening on its port
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0, "the Chroma server outlived 'assistant chroma'"


def _run(args, server, **kw):
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(server["data"]), "ASSISTANT_CHROMA_URL": server["url"],
           "ASSISTANT_GENERATOR": "extractive", "HF_HUB_OFFLINE": "1"}
    return subprocess.Popen([sys.executable, "-m", "assistant", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_one_process_ingests_and_two_others_ask_through_the_server(chroma_server):
    ing = _run(["ingest", "corpus/", "--json", "--no-progress"], chroma_server)
    out, err = ing.communicate(timeout=300)
    assert ing.returncode == 0, err
    assert json.loads(out)["paragraphs"]["added"] == 8
    askers = [
        _run(["ask", "Which train service between North Korea and Russia will resume?", "--json"], chroma_server),
        _run(["ask", "Which countries' diplomats were withdrawn from Damascus?", "--json"], chroma_server),
    ]
    answers = []
    for p in askers:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        answers.append(json.loads(out))
    assert "645/646" in answers[0]["answer"] and answers[0]["citations"][0]["paragraph_id"] == f"{SEED}#p7"
    assert "Belarus" in answers[1]["answer"] and answers[1]["citations"][0]["paragraph_id"] == f"{SEED}#p2"
    # the vectors live in the server (its folder is <data dir>/chroma); the parts agree
    chk = _run(["check", "--json"], chroma_server)
    out, err = chk.communicate(timeout=300)
    report = json.loads(out)
    assert chk.returncode == 0 and report["ok"] and report["vectors"] == report["windows"] >= 8, (report, err)


def test_a_server_that_is_not_running_is_a_named_error(tmp_path):
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path), "ASSISTANT_CHROMA_URL": f"http://127.0.0.1:{_free_port()}",
           "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-m", "assistant", "ingest", "corpus/", "--no-progress"], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 2
    assert "Chroma server at http://127.0.0.1" in out.stderr and "assistant chroma" in out.stderr
