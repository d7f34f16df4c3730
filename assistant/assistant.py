"""``Assistant``: the public face. Models are optional parameters that fall back to settings."""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import Iterable

from .catalog import Catalog
from .chain_state import AskRequest, Listener
from .conversation import Turn
from .embedder import Embedder, make_embedder
from .filters import Filters
from .generators import Generator, make_generator
from .index import Index, IndexHealth
from .ingest import ingest as run_ingest
from .paragraphs import CHUNKING_VERSION
from .retrieval import Retriever
from .settings import Settings
from .types import Answer, Article, Hit, IngestReport
from .vectors import VectorStore

log = logging.getLogger(__name__)


class Assistant:
    """Answers questions about the indexed articles, citing a paragraph for every sentence.

    >>> a = Assistant()
    >>> a.ingest(["corpus"])
    >>> a.ask("Who withdrew from Damascus?").text
    """

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        generator: Generator | None = None,
    ):
        self.settings = settings or Settings.from_env()
        self.embedder = embedder or make_embedder(self.settings)
        self._generator = generator
        self._lock = threading.RLock()
        self.index = Index(self.settings, fingerprint(self.embedder))
        self._retriever: Retriever | None = None
        self._chains: dict[str, object] = {}
        self._generators: dict[str, Generator] = {}
        self._verifier = None
        self._extractive: Generator | None = None
        self._multilingual = None
        self._translator = None

    # -- parts, opened on first use ----------------------------------------
    @property
    def data_dir(self) -> Path:
        return Path(self.settings.data_dir)

    @property
    def catalog(self) -> Catalog:
        return self.index.catalog

    @property
    def vectors(self) -> VectorStore:
        return self.index.vectors

    @property
    def retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                self._retriever = Retriever(self.index, self.embedder, self.settings, self.multilingual)
            return self._retriever

    @property
    def multilingual(self):
        """The paragraphs' multilingual-e5 vectors (``Settings.multilingual``), or None when off."""
        if not self.settings.multilingual:
            return None
        with self._lock:
            if self._multilingual is None:
                from .multilingual import MultilingualIndex

                self._multilingual = MultilingualIndex(self.settings)
            return self._multilingual

    @property
    def generator(self) -> Generator:
        with self._lock:
            if self._generator is None:
                self._generator = make_generator(
                    self.settings.generator, embedder=self.embedder, settings=self.settings
                )
            return self._generator

    # -- the API -------------------------------------------------------------
    def ingest(
        self, paths: Iterable[str | Path] = (), *, prune: bool = False, rebuild: bool = False,
        progress: bool | None = None, refresh: bool = False,
    ) -> IngestReport:
        """Index the articles under ``paths`` (files, folders, article or feed URLs, feed files); only new or
        changed paragraphs are embedded; ``refresh`` fetches every feed ingested before again.

        Questions keep being answered while it runs (they see each committed batch);
        ``rebuild`` deletes every part of the index first, whatever state it is in.
        """
        if rebuild:
            self.index.reset()
        report = run_ingest(paths, self.index, self.embedder, prune=prune, progress=progress, refresh=refresh)
        if self.multilingual is not None:
            embedded, dropped = self.multilingual.sync(self.catalog, progress=progress)
            log.info("multilingual vectors: %d embedded, %d dropped", embedded, dropped)
        return report

    def warm_up(self) -> None:
        """Load what the first question needs ahead of it: the embedder, the index's parts and the
        generator's model (the chat UI does this while it starts, and says so on screen)."""
        from .dates import find_dates
        from .multilingual import question_language

        self.embedder.embed_query("warm up")
        find_dates("on the 15th", date.today())  # loads spaCy's entity recogniser
        question_language("Which train will resume between North Korea and Russia?")  # loads langdetect's profiles
        self.index.refresh()
        self.index.warm()
        self.generator.warm()

    def check(self, deep: bool = False) -> IndexHealth:
        """Whether the catalog, the vectors and the lexical index agree (``assistant check``)."""
        return self.index.check(deep=deep)

    def repair(self, progress: bool | None = None) -> IndexHealth:
        """Bring the vectors and the lexical index back in line with the catalog, without re-embedding."""
        return self.index.repair(progress=progress)

    def search(
        self,
        question: str,
        k: int | None = None,
        *,
        as_of: date | str | None = None,
        outlets: Iterable[str] | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """The best paragraphs for ``question`` (``mode``: hybrid, dense or bm25)."""
        return self.retriever.search(question, k, Filters.from_values(as_of, outlets, since, until), mode=mode)

    def ask(self, question: str, **options) -> Answer:
        """Answer ``question`` from the indexed articles; every sentence cites its paragraph.

        The options are ``answer``'s (``as_of``, ``outlets``, ``since``, ``until``, ``k``,
        ``history``, ``on_text``, ``mode``, ``generator``); ``ask`` returns only the ``Answer``.
        """
        return self.answer(question, **options)[0]

    def answer(
        self,
        question: str,
        *,
        as_of: date | str | None = None,
        outlets: Iterable[str] | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        k: int | None = None,
        mode: str = "hybrid",
        history: Iterable[Turn] | None = None,
        on_text=None,
        on_hits=None,
        generator: str | None = None,
    ) -> tuple[Answer, list[Hit]]:
        """The answer and the paragraphs the generator saw (evaluation, UIs); ``ask`` returns only the answer.

        ``as_of``: nothing published after this date; ``outlets``, ``since``, ``until``: filters;
        ``k``: paragraphs retrieved; ``history``: earlier turns of the conversation
        (``Turn(question, answer)``): a follow-up is rewritten into a standalone question first,
        and the paragraphs cited in the last turn stay candidates; ``on_text`` receives the
        answer text as it is written, ``on_hits`` the paragraphs as soon as they are found;
        ``generator``: another generator by name for this answer.
        """
        if not question or not question.strip():
            raise ValueError("the question is empty; ask something about the articles")
        history = list(history or [])
        standalone = self.condense(question.strip(), history, generator)
        include = tuple(c.paragraph_id for c in history[-1].answer.citations) if history else ()
        request = AskRequest(standalone, Filters.from_values(as_of, outlets, since, until), k, mode, include,
                             Listener(on_hits=on_hits, on_text=on_text))
        out = self.chain(generator).invoke(request)
        return out.answer, out.hits

    def condense(self, question: str, history: list[Turn], generator: str | None = None) -> str:
        """A follow-up rewritten into a standalone question (by the chat model when there is one)."""
        from .conversation import condense

        gen = self.generator_named(generator) if generator else self.generator
        return condense(question, history, getattr(gen, "rewrite", None))

    def chain(self, generator: str | None = None):
        """The LangChain runnable behind ``ask``: retrieve, generate, verify, check citations.

        ``generator`` picks another generator by name for this chain (the UI's choice);
        each is built once and kept, so a local model stays loaded across questions.
        """
        from .lc import answer_chain

        with self._lock:
            gen = self.generator if generator in (None, "", self.generator.name) else self.generator_named(generator)
            if gen.name not in self._chains:
                crosslingual = None
                if self.multilingual is not None:
                    from .generators.crosslingual import CrossLingualGenerator

                    crosslingual = CrossLingualGenerator(self.multilingual)
                self._chains[gen.name] = answer_chain(self.retriever, gen, self.verifier, self.extractive,
                                                       self.settings.time_slack_days, crosslingual, self.translator)
            return self._chains[gen.name]

    def generator_named(self, name: str) -> Generator:
        with self._lock:
            if name == self.generator.name:
                return self.generator
            if name == "extractive":
                return self.extractive
            if name not in self._generators:
                self._generators[name] = make_generator(name, embedder=self.embedder, settings=self.settings)
            return self._generators[name]

    @property
    def translator(self):
        """Reads questions in the fitted languages in English with the local model (``Settings.translate``), or
        None when off. The model is loaded on the first such question (or by ``warm_up``)."""
        if not self.settings.translate:
            return None
        with self._lock:
            if self._translator is None:
                from .translation import Translator

                self._translator = Translator(lambda messages: self.generator_named("local").complete(messages))
            return self._translator

    @property
    def verifier(self):
        from .support import SupportChecker
        from .verify import Verifier

        with self._lock:
            if self._verifier is None:
                self._verifier = Verifier(SupportChecker(embedder=self.embedder))
            return self._verifier

    @property
    def extractive(self) -> Generator:
        """The instant generator, also the fallback when nothing another generator wrote is supported."""
        with self._lock:
            if self._extractive is None:
                if self.generator.name == "extractive":
                    self._extractive = self.generator
                else:
                    self._extractive = make_generator("extractive", embedder=self.embedder, settings=self.settings)
            return self._extractive

    def as_retriever(self, k: int | None = None, **filters):
        """A LangChain ``BaseRetriever`` over the same index (filters as in ``ask``)."""
        from .lc import ParagraphRetriever

        return ParagraphRetriever(
            retriever=self.retriever, k=k or self.settings.k, filters=Filters.from_values(**filters) if filters else Filters()
        )

    def articles(self) -> list[Article]:
        return self.catalog.articles()


def fingerprint(embedder: Embedder) -> str:
    """What the vectors depend on: a mismatch means the index must be rebuilt."""
    return f"{embedder.name}|{embedder.dimension}|{CHUNKING_VERSION}"
