"""Files a colleague uploads: checked, saved into the corpus folder under a name the folder
loader reads again, indexed; a file that is refused never stays in the folder.

Used by the chat UI's Corpus tab; the checks are the ingest's own (loader errors, an id
already indexed from another file) run before anything is saved.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

from .ingest import indexed_conflict, source_file
from .loaders import SUFFIXES, Limits, load_paths, loadable_name
from .types import IngestReport


@dataclass
class UploadReport:
    saved: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "name: reason"
    ingest: IngestReport | None = None


def safe_name(name: str) -> str:
    """A file name the folder loader will read again: no folders, no leading dot, only plain characters."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).lstrip("._-")[:100] or "upload"
    return stem + suffix


def accept(assistant, files: list[Path], corpus_dir: Path, max_bytes: int, progress: bool | None = None) -> UploadReport:
    """Check each file, save the good ones into ``corpus_dir`` and index them."""
    out = UploadReport()
    limits = Limits.from_settings(assistant.settings)
    staged: list[tuple[Path, Path, list]] = []
    names: set[str] = set()
    for f in files:
        label = Path(f).name
        name = safe_name(label)
        if Path(name).suffix not in SUFFIXES:
            out.problems.append(f"{label}: not an article file (use .md, .txt or .jsonl)")
            continue
        size = Path(f).stat().st_size
        if size > max_bytes:
            out.problems.append(f"{label}: {size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.1f} MB an upload may be")
            continue
        target = corpus_dir / name
        if not loadable_name(name):
            out.problems.append(f"{label}: the name cannot be read back from the corpus folder; rename it")
            continue
        if target.exists() or name in names:
            out.problems.append(f"{label}: a file named {name} is already in {corpus_dir}; rename it")
            continue
        loaded = load_paths([f], limits)
        if loaded.errors:
            out.problems.extend(f"{label}: {e.reason}" for e in loaded.errors)
            continue
        articles = [replace(a, source=str(target) + a.source[len(str(f)):]) for a in loaded.articles]
        indexed = assistant.catalog.indexed(a.id for a in articles)
        clash = [c for a in articles if (c := indexed_conflict(a, indexed))]
        taken = [a.id for s in staged for a in s[2]]
        clash += [f"duplicate id {a.id!r}: another uploaded file has it" for a in articles if a.id in taken]
        if clash:
            out.problems.extend(f"{label}: {c}" for c in clash)
            continue
        names.add(name)
        staged.append((Path(f), target, articles))
    if not staged:
        return out
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for src, target, _ in staged:
        shutil.copyfile(src, target)
    try:
        out.ingest = assistant.ingest([t for _, t, _ in staged], progress=progress)
    except BaseException:
        for _, target, _ in staged:
            target.unlink(missing_ok=True)
        raise
    refused = {source_file(s.path) for s in out.ingest.skipped}
    for _, target, _ in staged:
        if str(target) in refused:
            target.unlink(missing_ok=True)  # refused by the ingest itself (another process indexed the id meanwhile)
            out.problems.extend(f"{target.name}: {s.reason}" for s in out.ingest.skipped if source_file(s.path) == str(target))
        else:
            out.saved.append(target)
    return out
