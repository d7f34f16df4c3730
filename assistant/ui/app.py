"""The Gradio Blocks app: chat with streamed, cited answers; a reading pane; the corpus tab; /ask."""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from datetime import datetime
from html import escape
from pathlib import Path

import gradio as gr  # this module is imported only to serve the UI

from .. import uploads
from ..conversation import Turn
from ..loaders import SUFFIXES
from ..web import is_url
from . import render

log = logging.getLogger(__name__)

CORPUS_ROWS = 500  # newest articles listed in the Corpus tab

EXAMPLES = [
    "Which countries' diplomats were withdrawn from Damascus?",
    "Which train will resume between North Korea and Russia?",
    "What did Ukrainian intelligence say about the losses in Kursk?",
    "What did China say about the treaty?",
]


class Warming:
    """The models loading in the background while the UI starts; the page says so until they are ready."""

    def __init__(self, assistant):
        self.ready = threading.Event()
        self.error: str = ""
        self.started = time.monotonic()
        self.seconds = 0.0

        def run():
            try:
                assistant.warm_up()
            except Exception as exc:  # shown on the page; the first question then reports it too
                log.exception("warming up failed")
                self.error = str(exc)
            finally:
                self.seconds = time.monotonic() - self.started
                self.ready.set()

        threading.Thread(target=run, name="warm-up", daemon=True).start()

    def status(self) -> str:
        if not self.ready.is_set():
            return (f"<div class='warming'>Loading the models ({time.monotonic() - self.started:.0f} s)… You can type a "
                    "question already; its answer starts as soon as they are ready.</div>")
        if self.error:
            return f"<div class='refusal'>The models could not be loaded: {escape(self.error)}</div>"
        return f"<div class='meta' id='models-ready'>Models ready (loaded in {self.seconds:.0f} s).</div>"


def build_app(assistant, corpus_dir: Path, generators: list[str], warming: Warming | None = None):
    feedback_path = Path(assistant.settings.data_dir) / "feedback.jsonl"

    def outlets() -> list[str]:
        return assistant.catalog.outlets()

    def corpus_rows() -> list[list]:
        """The newest articles (a large archive is not listed whole)."""
        return [[a.title, a.outlet, a.published.isoformat(), a.paragraphs, a.id]
                for a in assistant.catalog.summaries(limit=CORPUS_ROWS)]

    def respond(message, chat, state, generator, outlet_filter, since, until, as_of):
        """Streams the turn: a waiting line that counts the seconds (and says when the models are still
        loading), the sources as soon as they are found, the draft as it is written, then the checked answer."""
        def shown(chat, state, found):
            return (chat, state, found, *([warming.status()] if warming is not None else []))

        message = (message or "").strip()
        if not message:
            yield shown(chat, state, gr.update())
            return
        generator = offered(generator)
        chat = list(chat or []) + [{"role": "user", "content": escape(message)},
                                   {"role": "assistant", "content": "<i class='waiting'>Searching the articles…</i>"}]
        yield shown(chat, state, "<div class='found'>Searching…</div>")
        events: queue.Queue = queue.Queue()
        turns = [Turn(t["question"], t["answer"]) for t in state["turns"]]

        def work():
            try:
                result = assistant.answer(
                    message, history=turns, generator=generator, outlets=outlet_filter or None,
                    since=since or None, until=until or None, as_of=as_of or None,
                    on_hits=lambda hits: events.put(("hits", hits)), on_text=lambda t: events.put(("text", t)),
                )
                events.put(("done", result))
            except Exception as exc:  # shown to the user and re-raised below
                events.put(("error", exc))

        threading.Thread(target=work, name="answer", daemon=True).start()
        started = time.monotonic()
        written = ""
        found = gr.update()
        step = "Searching the articles"
        while True:
            try:
                kind, value = events.get(timeout=1.0)
            except queue.Empty:  # nothing new this second: the waiting line counts on
                if not written:
                    chat[-1] = {"role": "assistant", "content": waiting_html(step, started)}
                    yield shown(chat, state, found)
                continue
            if kind == "hits":
                found = render.found_html(value)
                step = "Writing the answer"
                chat[-1] = {"role": "assistant", "content": waiting_html(step, started)}
            elif kind == "text":
                written += value
                chat[-1] = {"role": "assistant", "content": f"<div class='streaming'>{escape(written)} ▌"
                            "<span class='checking'>Draft: each sentence is checked against its sources when the answer is done.</span></div>"}
            elif kind == "done":
                answer, hits = value
                chat[-1] = {"role": "assistant", "content": render.answer_html(answer, hits)}
                state = {"turns": state["turns"] + [{"question": message, "answer": answer}],
                         "by_message": {**state["by_message"], len(chat) - 1: {"question": message, "answer": answer.to_json()}}}
                yield shown(chat, state, found)
                return
            else:
                chat[-1] = {"role": "assistant", "content": f"<div class='refusal'>Error: {escape(str(value))}</div>"}
                yield shown(chat, state, found)
                raise gr.Error(str(value))
            yield shown(chat, state, found)

    def waiting_html(step: str, started: float) -> str:
        if warming is not None and not warming.ready.is_set():
            return (f"<i class='waiting'>{step}: the models are still loading "
                    f"({time.monotonic() - warming.started:.0f} s)… the answer starts as soon as they are ready.</i>")
        return f"<i class='waiting'>{step}… {time.monotonic() - started:.0f} s</i>"

    def open_paragraph(pid: str):
        pid = (pid or "").strip()
        article_id = pid.split("#", 1)[0]
        article = assistant.catalog.article(article_id)
        if article is None:
            return f"<div class='refusal'>Paragraph {escape(pid)} is not in the index.</div>"
        return render.article_html(article, assistant.catalog.article_paragraphs(article_id), pid)

    def feedback(state, data: gr.LikeData):
        entry = state["by_message"].get(data.index if isinstance(data.index, int) else data.index[0])
        if entry is None:
            return
        feedback_path.parent.mkdir(parents=True, exist_ok=True)
        row = {"time": datetime.now().isoformat(timespec="seconds"), "liked": bool(data.liked), **entry}
        with open(feedback_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def upload(files, progress=gr.Progress(track_tqdm=True)):
        paths = [Path(f if isinstance(f, str) else f.name) for f in (files or [])]
        if not paths:
            return "Choose one or more .md, .txt or .jsonl files first.", corpus_rows(), gr.update()
        max_bytes = int(assistant.settings.max_upload_mb * 1024 * 1024)
        result = uploads.accept(assistant, paths, corpus_dir, max_bytes, progress=True)
        lines = []
        if result.ingest is not None:
            d = result.ingest.to_json()["paragraphs"]
            lines.append(f"Indexed {result.ingest.articles} article(s): {d['added']} paragraphs added, {d['updated']} updated "
                         f"in {result.ingest.seconds:.1f}s. They are searchable now.")
        if result.problems:
            lines.append("Not indexed, and not kept (nothing already indexed was lost):")
            lines.extend(f"- {p}" for p in result.problems)
        return "\n\n".join(lines), corpus_rows(), gr.update(choices=outlets())

    def fetch_urls(text, progress=gr.Progress(track_tqdm=True)):
        items = [u.strip() for u in (text or "").splitlines() if u.strip()]
        if not items:
            return "Paste one or more article or feed URLs first.", corpus_rows(), gr.update()
        problems = [f"{u}: not a web address (start it with https://)" for u in items if not is_url(u)]
        report = assistant.ingest([u for u in items if is_url(u)], progress=True) if len(problems) < len(items) else None
        lines = []
        if report is not None:
            d = report.to_json()["paragraphs"]
            lines.append(f"Indexed {report.articles} article(s) fetched from the web ({report.not_modified} unchanged "
                         f"since the last fetch): {d['added']} paragraphs added, {d['updated']} updated. "
                         "They are searchable now.")
            problems.extend(f"{s.path}: {s.reason}" for s in report.skipped)
        if problems:
            lines.append("Not indexed (nothing already indexed was lost):")
            lines.extend(f"- {p}" for p in problems)
        return "\n\n".join(lines), corpus_rows(), gr.update(choices=outlets())

    def offered(generator: str | None) -> str | None:
        """Only the generators the operator configured can be chosen from the page or the API."""
        if generator and generator not in generators:
            raise gr.Error(f"generator {generator!r} is not offered here; choose one of: {', '.join(generators)}")
        return generator or None

    def api_ask(question: str, as_of: str = "", outlet: str = "", generator: str = "") -> dict:
        """Answer a question; returns the same JSON as `assistant ask --json`."""
        answer, _ = assistant.answer(question, as_of=as_of or None, outlets=[outlet] if outlet else None,
                                     generator=offered(generator))
        return answer.to_json()

    with gr.Blocks(title="News assistant") as app:
        gr.Markdown("## News assistant\nAsk about the articles in the corpus. Every sentence cites its paragraph: "
                    "click a marker to read it in its article.")
        if warming is not None:
            status_line = gr.HTML(warming.status(), elem_id="model-status")
            timer = gr.Timer(1.0, active=not warming.ready.is_set())

            def poll():
                done = warming.ready.is_set()
                return warming.status(), gr.Timer(active=not done)

            timer.tick(poll, None, [status_line, timer], api_visibility="private")
        state = gr.State({"turns": [], "by_message": {}})
        with gr.Tab("Ask"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Conversation", height=520, sanitize_html=False, elem_id="chat")
                    with gr.Row():
                        msg = gr.Textbox(placeholder="Ask about the articles…", show_label=False, scale=5, elem_id="question")
                        send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                    gr.Examples(EXAMPLES, inputs=[msg])
                    with gr.Accordion("Options", open=False):
                        generator = gr.Dropdown(generators, value=generators[0], label="Generator")
                        outlet_filter = gr.Dropdown(outlets(), multiselect=True, label="Outlets (none: all)")
                        with gr.Row():
                            since = gr.Textbox(label="Published since (YYYY-MM-DD)")
                            until = gr.Textbox(label="Published until (YYYY-MM-DD)")
                            as_of = gr.Textbox(label="Answer as of (YYYY-MM-DD)")
                with gr.Column(scale=2):
                    found = gr.HTML("<div class='found'>Sources appear here as soon as they are found.</div>")
                    reader = gr.HTML("<div class='reader meta'>Click a citation to read the paragraph in its article.</div>",
                                     elem_id="reader")
            cite_target = gr.Textbox(elem_id="cite-target", elem_classes=["hidden-control"], show_label=False)
            cite_open = gr.Button("open", elem_id="cite-open", elem_classes=["hidden-control"])
        with gr.Tab("Corpus"):
            table = gr.Dataframe(corpus_rows(), headers=["title", "outlet", "published", "paragraphs", "id"],
                                 interactive=False, label="Indexed articles")
            files = gr.File(file_count="multiple", file_types=sorted(SUFFIXES), label="Add article files", elem_id="upload")
            add = gr.Button("Index these files", elem_id="index-files")
            urls = gr.Textbox(label="Or article and feed URLs, one a line (RSS or Atom: each entry's article is fetched)",
                              lines=3, elem_id="urls")
            fetch = gr.Button("Fetch and index", elem_id="fetch-urls")
            status = gr.Markdown(elem_id="corpus-status")

        inputs = [msg, chat, state, generator, outlet_filter, since, until, as_of]
        outputs = [chat, state, found] + ([status_line] if warming is not None else [])  # the line ticks here too
        for trigger in (msg.submit, send.click):
            trigger(respond, inputs, outputs, api_visibility="private").then(lambda: "", None, msg)
        cite_open.click(open_paragraph, cite_target, reader, api_visibility="private").then(None, None, None, js=render.SCROLL_JS)
        chat.like(feedback, state, None)
        add.click(upload, files, [status, table, outlet_filter], api_visibility="private")
        fetch.click(fetch_urls, urls, [status, table, outlet_filter], api_visibility="private")
        gr.api(api_ask, api_name="ask")
    return app


def launch(assistant, *, host: str = "127.0.0.1", port: int = 7860, auth: tuple[str, str] | None = None,
           corpus_dir: Path = Path("corpus"), generators: list[str] | None = None, block: bool = True,
           warming: Warming | None = None):
    """Serve the app. Binding anything but loopback needs ``auth``; share links are never made."""
    if host not in {"127.0.0.1", "localhost", "::1"} and auth is None:
        raise ValueError(f"binding {host} exposes the assistant to the network; give --auth USER:PASS or --auth-file FILE")
    names = generators or list(dict.fromkeys([assistant.settings.generator, "extractive", "local"]))
    app = build_app(assistant, corpus_dir, names, warming or Warming(assistant))
    app.queue(default_concurrency_limit=1)
    app.launch(server_name=host, server_port=port, auth=auth, share=False, prevent_thread_lock=not block,
               css=render.CSS, js=render.CLICK_JS, inbrowser=False, show_error=True,
               max_file_size=int(assistant.settings.max_upload_mb * 1024 * 1024))
    return app
