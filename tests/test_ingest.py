import pytest

from assistant.embedder import HashingEmbedder
from assistant.vectors import IndexMismatchError
from conftest import FERRY_BODY, write_article


def test_first_ingest_indexes_every_paragraph(make_assistant, small_corpus, embedder):
    a = make_assistant()
    r = a.ingest([small_corpus])
    assert (r.articles, r.added, r.updated, r.unchanged, r.deleted) == (3, 9, 0, 0, 0)
    assert r.embedded >= 9 and embedder.texts == r.embedded
    assert a.catalog.counts() == (3, 9)
    assert a.vectors.paragraph_ids() == {p.id for p in a.catalog.all_paragraphs()}


def test_reingest_of_unchanged_corpus_embeds_nothing(make_assistant, small_corpus, embedder):
    make_assistant().ingest([small_corpus])
    before = embedder.texts
    r = make_assistant().ingest([small_corpus])  # a new process would do the same
    assert (r.added, r.updated, r.unchanged, r.deleted, r.embedded) == (0, 0, 9, 0, 0)
    assert embedder.texts == before


def test_edited_article_replaces_changed_paragraphs_and_deletes_gone_ones(make_assistant, small_corpus, embedder):
    a = make_assistant()
    a.ingest([small_corpus])
    paras = FERRY_BODY.strip().split("\n\n")
    edited = "\n\n".join([paras[0], paras[1].replace("118,000", "119,500")])  # p3, p4 gone
    write_article(small_corpus, "ferry.md", id="ferry", title="Night ferry to Villemer to stop after 42 years",
                  outlet="Harbour Herald", published="2024-03-05", body=edited)
    before = embedder.texts
    r = a.ingest([small_corpus])
    assert (r.added, r.updated, r.deleted) == (0, 1, 2)
    assert embedder.texts - before == 1
    ferry = [p for p in a.catalog.all_paragraphs() if p.article_id == "ferry"]
    assert [p.id for p in ferry] == ["ferry#p1", "ferry#p2"]
    assert "119,500" in ferry[1].text
    assert {"ferry#p3", "ferry#p4"}.isdisjoint(a.vectors.paragraph_ids())
    hits = a.search("how many passengers did the ferry carry", k=3)
    assert all("118,000" not in h.text for h in hits)


def test_moved_paragraph_reuses_its_vector(make_assistant, small_corpus, embedder):
    a = make_assistant()
    a.ingest([small_corpus])
    paras = FERRY_BODY.strip().split("\n\n")
    write_article(small_corpus, "ferry.md", id="ferry", title="Night ferry to Villemer to stop after 42 years",
                  outlet="Harbour Herald", published="2024-03-05", body="\n\n".join(["New lead paragraph."] + paras))
    before = embedder.texts
    r = a.ingest([small_corpus])
    assert (r.added, r.updated) == (1, 4)
    assert embedder.texts - before == 1  # only the new text was embedded


def test_prune_removes_deleted_files_only_with_prune(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    (small_corpus / "bridge.md").unlink()
    assert a.ingest([small_corpus]).deleted == 0
    assert a.catalog.counts()[0] == 3
    r = a.ingest([small_corpus], prune=True)
    assert r.deleted == 3
    assert {x.id for x in a.articles()} == {"ferry", "election"}
    assert not any(pid.startswith("bridge#") for pid in a.vectors.paragraph_ids())


def test_bad_file_is_skipped_with_reason_and_nothing_indexed_is_lost(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    # the ferry file becomes unreadable; a new bad file appears
    (small_corpus / "ferry.md").write_bytes(b"---\ntitle: x\npublished: 2024-01-01\n---\n\xff\xfe")
    (small_corpus / "new.md").write_text("---\npublished: 2024-01-01\n---\nBody.\n", encoding="utf-8")
    r = a.ingest([small_corpus], prune=True)
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in r.skipped}
    assert "not UTF-8" in reasons["ferry.md"] and "missing title" in reasons["new.md"]
    assert {x.id for x in a.articles()} == {"ferry", "bridge", "election"}  # ferry kept
    assert a.search("night ferry Villemer", k=1)[0].article_id == "ferry"


def test_duplicate_id_with_different_text_is_refused(make_assistant, small_corpus):
    a = make_assistant()
    write_article(small_corpus, "copy.md", id="ferry", title="Other", body="Different text.")
    r = a.ingest([small_corpus])
    assert len(r.skipped) == 2 and all("duplicate id 'ferry'" in s.reason for s in r.skipped)
    assert a.catalog.article("ferry") is None  # neither wins silently
    (small_corpus / "copy.md").unlink()
    a.ingest([small_corpus])
    other = write_article(small_corpus.parent / "elsewhere", "copy.md", id="ferry", title="Other", body="Different text.")
    r = a.ingest([other])
    assert "already indexed from" in r.skipped[0].reason
    assert a.catalog.article("ferry").title.startswith("Night ferry")  # the indexed one stays


def test_index_built_with_another_embedder_is_an_error_that_says_how_to_rebuild(settings, small_corpus, embedder):
    from assistant import Assistant

    Assistant(settings=settings, embedder=embedder).ingest([small_corpus])
    other = HashingEmbedder(dimension=128)
    with pytest.raises(IndexMismatchError, match="ingest --rebuild"):
        Assistant(settings=settings, embedder=other).ingest([small_corpus])
    r = Assistant(settings=settings, embedder=other).ingest([small_corpus], rebuild=True)
    assert r.added == 9


def test_long_paragraph_is_embedded_in_windows_but_cited_once(make_assistant, tmp_path, embedder):
    long_para = " ".join(f"Sentence {i} mentions the lighthouse keeper number {i}." for i in range(40))
    folder = tmp_path / "c"
    write_article(folder, "long.md", id="long", body=long_para + "\n\nShort tail.")
    a = make_assistant()
    r = a.ingest([folder])
    assert r.added == 2 and r.embedded > 2
    hits = a.search("lighthouse keeper", k=5)
    assert [h.paragraph_id for h in hits].count("long#p1") == 1


def test_prune_with_a_missing_folder_loses_nothing(make_assistant, small_corpus, tmp_path):
    a = make_assistant()
    a.ingest([small_corpus])
    moved = tmp_path / "elsewhere"
    small_corpus.rename(moved)
    r = a.ingest([small_corpus], prune=True)
    assert r.deleted == 0 and "no such file" in r.skipped[0].reason
    assert a.catalog.counts() == (3, 9)


def test_one_file_by_a_relative_and_an_absolute_path_is_one_source(make_assistant, small_corpus, monkeypatch):
    a = make_assistant()
    monkeypatch.chdir(small_corpus.parent)
    first = a.ingest([small_corpus.name])
    again = a.ingest([small_corpus.resolve()])
    assert first.articles and not again.skipped and again.articles == first.articles
