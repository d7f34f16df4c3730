import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.tokens import BLOB_URL, count_tokens, ensure_offline_cache


def test_settings_come_from_the_environment_and_overrides_win(monkeypatch):
    monkeypatch.setenv("ASSISTANT_K", "7")
    monkeypatch.setenv("ASSISTANT_DATA_DIR", "/tmp/x")
    s = Settings.from_env(generator="extractive")
    assert s.k == 7 and s.data_dir == Path("/tmp/x")
    assert Settings.from_env(k=3).k == 3


def test_bad_environment_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("ASSISTANT_K", "many")
    with pytest.raises(ValueError, match="ASSISTANT_K"):
        Settings.from_env()


def test_every_setting_has_a_description():
    assert all(desc for _, _, desc in Settings.describe())


def test_cl100k_base_works_offline_under_its_standard_name():
    import hashlib

    cache = ensure_offline_cache()
    assert (cache / hashlib.sha1(BLOB_URL.encode()).hexdigest()).stat().st_size > 1_000_000
    # reference values of cl100k_base
    assert count_tokens("hello world") == 2
    assert count_tokens("tiktoken is great!") == 6


def test_help_imports_no_heavy_library():
    code = (
        "import sys, assistant.cli as c\n"
        "try:\n    c.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'chromadb', 'sentence_transformers', 'langchain_core', 'gradio') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ}).stdout
    assert "HEAVY []" in out and "ingest" in out
