"""The ``assistant`` command. Heavy libraries are imported inside the commands, so --help is instant."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import textwrap

log = logging.getLogger("assistant")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="assistant",
        description="Answers questions about the news articles in corpus/, citing the paragraph behind every sentence.",
    )
    p.add_argument("--data-dir", help="index folder (default: $ASSISTANT_DATA_DIR or ./.assistant-data)")
    p.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ing = sub.add_parser("ingest", help="index article files or folders (Markdown/text with front matter, JSONL, "
                                         "saved .html pages), article URLs, RSS/Atom feed URLs or feed files")
    ing.add_argument("paths", nargs="*", metavar="PATH_OR_URL")
    ing.add_argument("--refresh", action="store_true", help="also fetch every feed ingested before (only what changed)")
    ing.add_argument("--json", action="store_true", help="print counts as JSON")
    ing.add_argument("--prune", action="store_true", help="drop indexed articles whose files are gone")
    ing.add_argument("--rebuild", action="store_true", help="drop the whole index first (after a model change)")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar")

    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer and citations as JSON")
    ask.add_argument("--as-of", metavar="DATE", help="answer as of this date: nothing published after it")
    ask.add_argument("--since", metavar="DATE", help="only articles published on or after DATE")
    ask.add_argument("--until", metavar="DATE", help="only articles published on or before DATE")
    ask.add_argument("--outlet", action="append", metavar="NAME", help="only this outlet (repeatable)")
    ask.add_argument("--k", type=int, metavar="N", help="paragraphs retrieved (default 5)")
    ask.add_argument("--generator", metavar="NAME", help="who writes the answer (default: extractive)")
    chat = sub.add_parser("chat", help="the chat UI in your browser (or --cli: in this terminal)")
    chat.add_argument("--cli", action="store_true", help="talk in this terminal instead of the web UI")
    chat.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; others need --auth)")
    chat.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    chat.add_argument("--auth", metavar="USER:PASS", help="require this login (needed to bind a non-loopback address)")
    chat.add_argument("--auth-file", metavar="FILE", help="a file holding USER:PASS on its first line")
    chat.add_argument("--corpus", default="corpus", metavar="DIR", help="where uploaded articles are saved (default corpus/)")
    chat.add_argument("--generator", metavar="NAME", help="who writes the answers (default: extractive)")
    chat.add_argument("--as-of", metavar="DATE", help="answer as of this date")
    chat.add_argument("--outlet", action="append", metavar="NAME", help="only this outlet (repeatable)")

    chk = sub.add_parser("check", help="check that the catalog, the vectors and the lexical index agree")
    chk.add_argument("--deep", action="store_true", help="also look up every vector record (slow on a large index)")
    chk.add_argument("--json", action="store_true", help="print the findings as JSON")
    rep = sub.add_parser("repair", help="bring the vectors and the lexical index back in line with the catalog (no re-embedding)")
    rep.add_argument("--no-progress", action="store_true", help="no progress bar")

    srv = sub.add_parser("chroma", help="serve the vector index as a Chroma server (then set ASSISTANT_CHROMA_URL)")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (loopback only; see the README for deployments)")
    srv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    srv.add_argument("--path", metavar="DIR", help="folder of the vectors (default: <data dir>/chroma, the embedded index)")

    ev = sub.add_parser("eval", help="evaluate answers and citations on a question set")
    ev.add_argument("--questions", metavar="FILE", help="JSONL questions (default: eval/questions.jsonl)")
    ev.add_argument("--corpus", metavar="PATH", help="articles to index for the run (default: corpus/)")
    ev.add_argument("--generator", metavar="NAME", help="who writes the answers (default: extractive)")
    ev.add_argument("--limit", type=int, metavar="N", help="only N questions (keeping the answerable/unanswerable mix)")
    ev.add_argument("--report", metavar="DIR", help="where report.json and report.md go (default: eval/reports/<time>)")
    ev.add_argument("--json", action="store_true", help="print the summary as JSON")
    ev.add_argument("--judge", default="checker", help="support judge: checker (default), or local: also the local model's P(yes), reported beside it")
    ev.add_argument("--judge-sample", type=int, default=0, metavar="N",
                    help="with --judge local: judge only the first N questions (a fixed sample; 0: all)")
    ev.add_argument("--thresholds", metavar="FILE", help="fail when a metric misses these (default for the curated set: eval/thresholds.json)")
    ev.add_argument("--no-baselines", action="store_true", help="skip the dense-only and BM25-only baselines")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from .vectors import IndexMismatchError

    try:
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "ask":
            return _ask(args)
        if args.command == "chat":
            return _chat(args)
        if args.command == "check":
            return _check(args)
        if args.command == "repair":
            return _repair(args)
        if args.command == "chroma":
            return _chroma(args)
        if args.command == "eval":
            from .evaluation.command import run_eval
            from .settings import Settings

            return run_eval(args, Settings.from_env(data_dir=args.data_dir, generator=args.generator))
    except (IndexMismatchError, ValueError, RuntimeError, OSError) as exc:
        print(f"assistant: error: {exc}", file=sys.stderr)
        return 2
    return 1


def _assistant(args, **overrides):
    from .assistant import Assistant
    from .settings import Settings

    settings = Settings.from_env(data_dir=args.data_dir, **overrides)
    return Assistant(settings=settings)


def _ingest(args) -> int:
    if not args.paths and not args.refresh:
        raise ValueError("give a file, folder, URL or feed to ingest (or --refresh to fetch the feeds ingested before)")
    a = _assistant(args)
    report = a.ingest(args.paths, prune=args.prune, rebuild=args.rebuild, refresh=args.refresh,
                      progress=False if args.no_progress else None)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    else:
        d = report.to_json()["paragraphs"]
        web = f"; {report.fetched} fetched from the web, {report.not_modified} not modified" if (
            report.fetched or report.not_modified) else ""
        print(
            f"{report.articles} articles: {d['added']} paragraphs added, {d['updated']} updated, "
            f"{d['unchanged']} unchanged, {d['deleted']} deleted; {report.embedded} embedded "
            f"in {report.seconds:.1f}s{web}"
        )
    if report.skipped:
        print(f"assistant: skipped {len(report.skipped)} (nothing already indexed was lost):", file=sys.stderr)
        for s in report.skipped:
            print(f"  {s.path}: {s.reason}", file=sys.stderr)
        return 1
    return 0


def _check(args) -> int:
    a = _assistant(args)
    h = a.check(deep=args.deep)
    if args.json:
        from dataclasses import asdict

        print(json.dumps({**asdict(h), "ok": h.ok}, indent=2))
    else:
        vectors = "unreadable" if h.vectors is None else h.vectors
        lexical = "unreadable" if h.lexical_docs is None else h.lexical_docs
        print(f"{a.data_dir}: {h.articles} articles, {h.paragraphs} paragraphs; vectors {vectors} "
              f"(expected {h.windows}); lexical index {lexical} paragraphs at generation {h.lexical_generation} "
              f"(catalog {h.catalog_generation}); {h.pending} pending records")
        for problem in h.problems:
            print(f"  problem: {problem}")
        print("ok" if h.ok else "assistant check: the index parts disagree; run 'assistant repair'")
    return 0 if h.ok else 1


def _repair(args) -> int:
    a = _assistant(args)
    h = a.repair(progress=False if args.no_progress else None)
    print(f"repaired {a.data_dir}: {h.articles} articles, {h.paragraphs} paragraphs, {h.vectors} vectors")
    for problem in h.problems:
        print(f"  still wrong: {problem}", file=sys.stderr)
    return 0 if h.ok else 1


def _chroma(args) -> int:
    """Run ``chroma run`` on the data folder's vectors; it serves until Ctrl-C or a stop signal.

    The server replaces this process (exec), so a signal sent to ``assistant chroma`` reaches it:
    a child process would outlive a terminated parent."""
    from pathlib import Path

    from .settings import Settings

    if args.host not in {"127.0.0.1", "localhost", "::1"}:
        raise ValueError(
            f"a Chroma server has no login of its own: bind it to 127.0.0.1, not {args.host}; "
            "for a shared deployment see the README (Chroma behind an authenticating proxy)"
        )
    settings = Settings.from_env(data_dir=args.data_dir)
    path = Path(args.path) if args.path else Path(settings.data_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-c", "import sys; from chromadb.cli.cli import app; sys.argv[0] = 'chroma'; sys.exit(app())",
           "run", "--path", str(path), "--host", args.host, "--port", str(args.port)]
    print(f"Serving {path} at http://{args.host}:{args.port} (Ctrl-C stops it); point the assistant at it with\n"
          f"  export ASSISTANT_CHROMA_URL=http://{args.host}:{args.port}", flush=True)
    os.execve(sys.executable, cmd, {**os.environ, "ANONYMIZED_TELEMETRY": "False"})


def _ask(args) -> int:
    a = _assistant(args, generator=args.generator)
    articles, _ = a.catalog.counts()
    if articles == 0:
        raise ValueError(f"the index in {a.data_dir} is empty; run 'assistant ingest corpus/' first")
    live = None if args.json or not sys.stdout.isatty() else _live_printer()
    answer = a.ask(args.question, as_of=args.as_of, outlets=args.outlet, since=args.since, until=args.until,
                   k=args.k, on_text=live)
    if args.json:
        print(json.dumps(answer.to_json(), indent=2, ensure_ascii=False))
        return 0
    if live is not None:
        print("\n")
    print(format_answer(answer))
    return 0


def _live_printer():
    def show(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    return show


def _chat(args) -> int:
    if not args.cli:
        return _chat_ui(args)
    from .conversation import Turn

    a = _assistant(args, generator=args.generator)
    if a.catalog.counts()[0] == 0:
        raise ValueError(f"the index in {a.data_dir} is empty; run 'assistant ingest corpus/' first")
    print("Ask about the articles; an empty line or Ctrl-D ends the conversation.", flush=True)
    history: list = []
    while True:
        try:
            question = input("\nyou> ").strip()
        except EOFError:
            break
        if not question or question.lower() in {"exit", "quit"}:
            break
        live = _live_printer() if sys.stdout.isatty() else None
        answer = a.ask(question, as_of=args.as_of, outlets=args.outlet, history=history, on_text=live)
        if live is not None:
            print("\n")
        print(format_answer(answer), flush=True)
        history.append(Turn(question, answer))
    return 0


def _chat_ui(args) -> int:
    from pathlib import Path

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    auth = None
    raw = args.auth
    if args.auth_file:
        lines = [line.strip() for line in Path(args.auth_file).read_text(encoding="utf-8").splitlines() if line.strip()]
        if not lines:
            raise ValueError(f"--auth-file {args.auth_file} is empty; put USER:PASS on its first line")
        raw = lines[0]
    if raw:
        user, sep, password = raw.partition(":")
        if not sep or not user or not password:
            raise ValueError("--auth must look like USER:PASS")
        auth = (user, password)
    from .ui.app import launch

    a = _assistant(args, generator=args.generator)
    print(f"Serving the chat UI at http://{args.host}:{args.port} (Ctrl-C stops it)", flush=True)
    launch(a, host=args.host, port=args.port, auth=auth, corpus_dir=Path(args.corpus))
    return 0


def format_answer(answer) -> str:
    """The answer with numbered markers, and a numbered source list under it; above it, what the chat shows above
    it too: how a question in another language was read, how a period it names was read. The notes under it are
    in the question's language (``voice``)."""
    from . import voice

    lines = []
    if answer.note and not answer.text.startswith(answer.note):  # a disagreement's note already opens the text
        lines.append(textwrap.fill(answer.note, width=100))
    if answer.time_read:
        lines.append(f"({answer.time_read})")
    lines.append(textwrap.fill(answer.text, width=100))
    v = answer.verification
    if v is not None:
        removed = sum(1 for c in v.sentences if c.verdict == "removed")
        if v.fallback == "extractive":
            lines.append(f"({voice.quoted_instead(answer.language)})")
        elif removed:
            lines.append(f"({voice.removed(removed, answer.language)})")
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        for n, c in enumerate(answer.citations, 1):
            lines.append(f"[{n}] {c.title} ({c.outlet}, {c.published}) {c.paragraph_id}")
            lines.append(textwrap.fill(f"\u201c{c.quote}\u201d", width=100, initial_indent="    ", subsequent_indent="    "))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
