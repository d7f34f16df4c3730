"""The README's settings table and commands stay true to the code."""

import re

from assistant.settings import Settings
from conftest import REPO


def test_settings_table_matches_the_code():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| `(ASSISTANT_\w+)` \| `([^`]*)` \| (.+) \|$", readme, re.M)
    assert [(n, d, desc) for n, _, d, desc in rows] == Settings.describe()
    assert all(env == f"ASSISTANT_{n.upper()}" for n, env, _, _ in rows)


def test_quickstart_commands_exist_in_the_makefile():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^make test$", readme, re.M) and re.search(r"^make ask Q=", readme, re.M)
    for target in ("setup", "ask", "test"):
        assert re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
