"""Copies of one story: wire copy republished with small edits collapses into one hit, with its other outlets."""

from assistant.copies import SAME_TEXT, signature, similarity
from conftest import write_article

WIRE = ("The harbour authority of Port Elsen said on Tuesday that the night ferry to Villemer will stop running "
        "on 1 May after forty-two years, citing falling passenger numbers and the cost of repairing the vessel.")
EDITED = ("The harbour authority of Port Elsen said Tuesday that the night ferry to Villemer would stop running "
          "on May 1 after forty-two years, citing falling passenger numbers and the cost of repairing the vessel.")
OTHER = ("Engineers in Norvale reopened the Tessel bridge on Friday after a repair that took eleven months and "
         "cost 31 million euros, the city's transport office said in a statement.")


def test_signatures_tell_copies_from_other_text():
    assert similarity(signature(WIRE), signature(EDITED)) >= SAME_TEXT
    assert similarity(signature(WIRE), signature(OTHER)) < 0.2
    assert signature("Hide Caption") is None  # too short to judge


def test_wire_copy_in_three_outlets_is_one_hit_that_lists_the_others(make_assistant, tmp_path):
    folder = tmp_path / "c"
    a = make_assistant()
    for name, outlet, body in (("a", "Harbour Herald", WIRE), ("b", "Norvale Post", EDITED), ("c", "Coast Courier", WIRE)):
        write_article(folder, f"{name}.md", id=name, title=f"Ferry service ends ({outlet})", outlet=outlet,
                      published="2024-03-05", body=body + "\n\n" + f"{outlet} reporters could not reach the ferry operator.")
        a.ingest([folder / f"{name}.md"])  # one at a time: the grouping is incremental
    write_article(folder, "d.md", id="d", title="Bridge reopens", outlet="Norvale Post", published="2024-03-06", body=OTHER)
    a.ingest([folder / "d.md"])
    hits = a.search("When will the night ferry to Villemer stop running?", k=5)
    ferry = [h for h in hits if "Villemer" in h.text]
    assert len(ferry) == 1
    assert set(ferry[0].also_in) == {"Harbour Herald", "Norvale Post", "Coast Courier"} - {ferry[0].outlet}
    assert len(ferry[0].copies) == 2
    assert len({h.paragraph_id for h in hits}) == len(hits)
    ans = a.ask("When will the night ferry to Villemer stop running?")
    assert set(ans.to_json()["citations"][0]["also_in"]) == set(ferry[0].also_in)
    # an edit that makes the paragraph different text takes it out of the group
    write_article(folder, "b.md", id="b", title="Ferry service ends (Norvale Post)", outlet="Norvale Post",
                  published="2024-03-05", body=OTHER + " The ferry news came the same day.")
    a.ingest([folder / "b.md"])
    ferry = [h for h in a.search("When will the night ferry to Villemer stop running?", k=5) if "Villemer" in h.text]
    assert len(ferry) == 1 and "Norvale Post" not in ferry[0].also_in
