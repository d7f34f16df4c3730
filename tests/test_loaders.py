import json
from datetime import date

import pytest

from assistant.loaders import UNKNOWN_OUTLET, LoadError, load_jsonl, load_paths, load_text
from conftest import write_article


def test_markdown_with_front_matter(tmp_path):
    path = write_article(tmp_path, "a.md", id="art-1", title="Hello", published="2024-12-16",
                         body="One.\n\nTwo.", extra="url: https://example.org/x\nlanguage: de")
    a = load_text(path)
    assert (a.id, a.title, a.outlet, a.published, a.url, a.language) == (
        "art-1", "Hello", "Daily Test", date(2024, 12, 16), "https://example.org/x", "de")
    assert a.body.strip() == "One.\n\nTwo."


def test_id_defaults_to_file_stem_and_outlet_may_be_unnamed(tmp_path):
    path = tmp_path / "stem-name.txt"
    path.write_text("---\ntitle: T\npublished: 2024-01-02\n---\nline one\nline two\n", encoding="utf-8")
    a = load_text(path)
    assert a.id == "stem-name"
    assert a.outlet == UNKNOWN_OUTLET


def test_jsonl_accepts_benchmark_and_our_field_names(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "x1", "title": "T1", "source": "Wire", "published_date": "2023-05-01", "body": "P1.\n\nP2."},
        {"id": "x2", "title": "T2", "outlet": "Paper", "published": "2023-05-02T10:00:00Z", "body": "Q1."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    arts, errors = load_jsonl(path)
    assert errors == []
    assert [(a.id, a.outlet, a.published) for a in arts] == [
        ("x1", "Wire", date(2023, 5, 1)), ("x2", "Paper", date(2023, 5, 2))]


def test_jsonl_bad_line_names_the_line_and_keeps_the_rest(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "ok", "title": "T", "published": "2023-01-01", "body": "B."}\n{not json\n', encoding="utf-8")
    arts, errors = load_jsonl(path)
    assert [a.id for a in arts] == ["ok"]
    assert errors[0].path.endswith("b.jsonl:2") and "JSON" in errors[0].reason


def test_folder_is_read_recursively_and_hidden_files_skipped(small_corpus):
    (small_corpus / ".hidden.md").write_text("junk", encoding="utf-8")
    loaded = load_paths([small_corpus])
    assert sorted(a.id for a in loaded.articles) == ["bridge", "election", "ferry"]
    assert loaded.errors == []


@pytest.mark.parametrize(
    "content, needle",
    [
        (b"---\ntitle: T\npublished: 2024-01-01\n---\nCaf\xe9 body\n", "not UTF-8"),
        (b"---\ntitle: T\npublished: 2024-01-01\n---\n\n   \n", "empty body"),
        (b"---\npublished: 2024-01-01\n---\nBody.\n", "missing title"),
        (b"---\ntitle: [unclosed\npublished: 2024-01-01\n---\nBody.\n", "not valid YAML"),
        (b"---\ntitle: T\npublished: last tuesday\n---\nBody.\n", "is not a valid date"),
        (b"---\ntitle: T\n---\nBody.\n", "missing published date"),
        (b"No front matter at all.\n", "no front matter"),
    ],
)
def test_bad_files_get_an_error_naming_the_file_and_the_fix(tmp_path, content, needle):
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(LoadError) as info:
        load_text(path)
    assert needle in info.value.reason
    assert str(path) in str(info.value)


def test_load_paths_collects_errors_and_still_loads_good_files(tmp_path, small_corpus):
    (small_corpus / "broken.md").write_bytes(b"\xff\xfe garbage")
    loaded = load_paths([small_corpus, tmp_path / "missing"])
    assert len(loaded.articles) == 3
    reasons = {e.path: e.reason for e in loaded.errors}
    assert any(p.endswith("broken.md") for p in reasons)
    assert any("no such file" in r for r in reasons.values())
