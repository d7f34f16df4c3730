from datetime import date

from langchain_core.retrievers import BaseRetriever


def test_finds_the_paragraph_that_answers(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    hits = a.search("How many passengers did the ferry carry last year?", k=3)
    assert hits[0].paragraph_id == "ferry#p2"
    assert hits[0].dense_rank is not None or hits[0].bm25_rank is not None


def test_as_of_excludes_later_articles_and_outlet_and_range_filter(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    q = "Who won the Selden council vote?"
    assert "election" in {h.article_id for h in a.search(q, k=9)}
    assert "election" not in {h.article_id for h in a.search(q, k=9, as_of="2024-04-19")}
    assert {h.outlet for h in a.search(q, k=9, outlets=["norvale post"])} == {"Norvale Post"}
    got = a.search(q, k=9, since=date(2024, 3, 1), until=date(2024, 3, 31))
    assert {h.article_id for h in got} == {"ferry"}


def test_dense_and_bm25_modes_are_available_as_baselines(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    for mode in ("dense", "bm25"):
        hits = a.search("Tessel bridge repair cost", k=2, mode=mode)
        assert hits[0].article_id == "bridge"
        assert (hits[0].dense_rank if mode == "dense" else hits[0].bm25_rank) == 1


def test_recency_boost_prefers_reporting_just_before_as_of(make_assistant, tmp_path):
    from conftest import write_article

    folder = tmp_path / "c"
    body = "The city council approved the budget for the harbour."
    write_article(folder, "old.md", id="old", published="2023-01-10", body=body)
    write_article(folder, "new.md", id="new", published="2024-03-01", body=body)
    a = make_assistant()
    a.ingest([folder])
    assert a.search("council budget harbour", k=1, as_of="2024-03-05")[0].article_id == "new"
    assert a.search("council budget harbour", k=1, as_of="2023-01-12")[0].article_id == "old"


def test_as_retriever_is_a_langchain_retriever(make_assistant, small_corpus):
    a = make_assistant()
    a.ingest([small_corpus])
    r = a.as_retriever(k=2, as_of="2024-12-31")
    assert isinstance(r, BaseRetriever)
    docs = r.invoke("bridge reopened")
    assert len(docs) == 2
    assert docs[0].metadata["paragraph_id"].startswith("bridge#p")
    assert docs[0].metadata["published"] == "2024-02-10"


def test_a_later_paragraph_carries_its_articles_lead(make_assistant, tmp_path):
    from conftest import write_article

    folder = tmp_path / "c"
    write_article(folder, "fire.md", id="fire", published="2026-04-20",
                  body="A wildfire broke out on Harnwick Moor on Saturday.\n\nThe keeper said 60 per cent of the "
                       "curlew nesting ground on the moor had burned.")
    a = make_assistant()
    a.ingest([folder])
    hits = a.search("curlew nesting ground burned keeper", k=2)
    by_id = {h.paragraph_id: h for h in hits}
    assert by_id["fire#p2"].lead == "A wildfire broke out on Harnwick Moor on Saturday."
    assert by_id["fire#p1"].lead == ""  # the lead is no later paragraph
