"""CI's grounding gate: the curated set with the extractive generator must meet eval/thresholds.json."""

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO

pytestmark = pytest.mark.integration


def test_curated_eval_meets_the_committed_thresholds(tmp_path):
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--generator", "extractive", "--no-baselines",
         "--report", str(tmp_path / "report"), "--json"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=900,
    )
    summary = json.loads(out.stdout)
    assert out.returncode == 0, summary["thresholds_missed"]
    assert summary["summary"]["ours"]["questions"] >= 30
    assert (tmp_path / "report" / "report.md").read_text(encoding="utf-8").count("\n| ") >= 30
    # the gate can fail: an impossible threshold makes eval exit non-zero
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"accuracy": {"min": 1.01}}))
    failing = subprocess.run(
        [sys.executable, "-m", "assistant", "eval", "--generator", "extractive", "--no-baselines", "--limit", "4", "--thresholds", str(strict),
         "--report", str(tmp_path / "r2")], capture_output=True, text=True, env=env, cwd=REPO, timeout=900,
    )
    assert failing.returncode == 1 and "accuracy" in failing.stderr
