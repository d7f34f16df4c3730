"""Would BM25 over separate title and text fields (title boosted) rank better than over title plus text?

    .venv/bin/python eval/bench_bm25_fields.py

Builds a second tantivy index of the benchmark paragraphs with the two fields, scores BM25 alone
and the hybrid at several title boosts, and runs eval/tune.py's 5-fold cross-validation of the
fusion constants with each lexical ranking (held-out figures beside the current defaults').
"""
import hashlib
import statistics
import sys
import tempfile

import tantivy

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from dataclasses import replace
from pathlib import Path
from assistant import Assistant, Settings
from assistant.evaluation.questions import load_questions
from assistant.evaluation.metrics import retrieval_scores
from assistant.retrieval import fuse
from assistant.text import content_terms
from tune import DEFAULT_BENCH, candidates, fold_of
base=Settings.from_env(generator="extractive")
key=hashlib.sha1(str((DEFAULT_BENCH/"corpus.jsonl").resolve()).encode()).hexdigest()[:10]
a=Assistant(settings=replace(base, data_dir=Path(base.data_dir)/"eval"/key))
qs=[q for q in load_questions(DEFAULT_BENCH/"questions_dev.jsonl") if q.answerable and q.gold_paragraphs]
cands=candidates(a, qs)
sb=tantivy.SchemaBuilder()
sb.add_text_field("pid", stored=True, tokenizer_name="raw")
sb.add_integer_field("day", indexed=True, fast=True)
sb.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
sb.add_text_field("text", tokenizer_name="whitespace", index_option="freq")
schema=sb.build()
path=Path(tempfile.mkdtemp(prefix="bm25-fields-"))
ix=tantivy.Index(schema, path=str(path)); w=ix.writer(heap_size=100_000_000, num_threads=1)
for p in a.catalog.all_paragraphs():
    w.add_document(tantivy.Document(pid=p.id, day=p.published.toordinal(), title=" ".join(content_terms(p.title)) or "\u2205", text=" ".join(content_terms(p.text)) or "\u2205"))
w.commit(); ix.reload(); s=ix.searcher()
def search(q, boost):
    terms=content_terms(q.question)
    cl=[]
    for t in terms:
        cl.append((tantivy.Occur.Should, tantivy.Query.term_query(schema,"text",t)))
        cl.append((tantivy.Occur.Should, tantivy.Query.boost_query(tantivy.Query.term_query(schema,"title",t), boost)))
    qq=tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.boolean_query(cl)), (tantivy.Occur.Must, tantivy.Query.const_score_query(tantivy.Query.range_query(schema,"day",tantivy.FieldType.Integer,None,q.as_of.toordinal()),0.0))])
    return [s.doc(ad)["pid"][0] for _,ad in s.search(qq, 50, count=False).hits]
gold=[c["gold"] for c in cands]
def show(label, ranked):
    r=retrieval_scores(ranked, gold); print(f"{label:40} R@1 {r['recall@1']:.3f} R@5 {r['recall@5']:.3f} MRR {r['mrr@10']:.3f}")
show("bm25 combined (current)", [sorted(c["bm25"], key=c["bm25"].get)[:10] for c in cands])
show("hybrid (current)", [[p for p,_ in sorted(fuse(c["dense"],c["bm25"],c["ages"],base).items(), key=lambda kv:(-kv[1],kv[0]))[:10]] for c in cands])
for boost in (0.0, 0.3, 0.5, 1.0, 2.0):
    alt=[search(q, boost) for q in qs]
    show(f"bm25 fields, title boost {boost}", [r[:10] for r in alt])
    hy=[]
    for c,r in zip(cands,alt):
        b={p:i for i,p in enumerate(r,1)}
        hy.append([p for p,_ in sorted(fuse(c["dense"],b,c["ages"],base).items(), key=lambda kv:(-kv[1],kv[0]))[:10]])
    show(f"hybrid with fields, title boost {boost}", hy)
from tune import points, best, score  # noqa: E402
grid=points(base)
for boost in (0.3, 0.5):
    alt=[search(q, boost) for q in qs]
    c2=[{**c, "bm25": {p:i for i,p in enumerate(r,1)}} for c,r in zip(cands,alt)]
    for label, cs in (("combined", cands), (f"fields {boost}", c2)):
        held=[]
        for k in range(5):
            tr=[c for c,q in zip(cs,qs) if fold_of(q.id,5)!=k]; te=[c for c,q in zip(cs,qs) if fold_of(q.id,5)==k]
            ch,_=best(tr, grid, base); held.append(score(te, ch))
        m=lambda key: f"{statistics.mean(h[key] for h in held):.3f}"
        d=[score([c for c,q in zip(cs,qs) if fold_of(q.id,5)==k], base) for k in range(5)]
        md=lambda key: f"{statistics.mean(h[key] for h in d):.3f}"
        print(f"{label:12} CV-tuned held out R@1 {m('recall@1')} R@5 {m('recall@5')} MRR {m('mrr@10')} | defaults held out R@1 {md('recall@1')} R@5 {md('recall@5')} MRR {md('mrr@10')}")
