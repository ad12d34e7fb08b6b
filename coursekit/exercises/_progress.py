"""Local progress file: ``$COURSEKIT_HOME/progress.json`` (default ``~/.coursekit/progress.json``).

Layout::

    {"version": 1,
     "lessons": {"07-rfm": {"q1": {"status": "correct", "attempts": 2,
                                   "first_correct": "2025-03-01T09:12:03+00:00",
                                   "hints_shown": 1}}}}

Writes are atomic (temporary file in the same folder + ``os.replace``). A corrupt or
empty file is moved to ``progress.json.corrupt`` and a fresh file is started, with a
one-line message on stdout. Progress is best effort: if the folder is not writable the
checks still work, the failure is kept in :data:`last_error`.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from .. import i18n

VERSION = 1
FILENAME = "progress.json"
last_error: list[str] = []


def home() -> Path:
    """The course folder: ``$COURSEKIT_HOME`` or ``~/.coursekit``."""
    env = os.environ.get("COURSEKIT_HOME")
    return Path(env).expanduser() if env else Path.home() / ".coursekit"


def progress_path() -> Path:
    """Where progress is saved."""
    return home() / FILENAME


def _empty() -> dict:
    return {"version": VERSION, "lessons": {}}


def _valid(data) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("lessons"), dict):
        return False
    for questions in data["lessons"].values():
        if not isinstance(questions, dict):
            return False
        for entry in questions.values():
            if not isinstance(entry, dict):
                return False
    return True


def load() -> dict:
    """Read the progress file; a missing file gives empty progress, a corrupt one is backed up."""
    path = progress_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    except OSError as exc:
        last_error[:] = [f"{type(exc).__name__}: {exc}"]
        return _empty()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if _valid(data):
        return data
    backup = path.with_name(FILENAME + ".corrupt")
    try:
        os.replace(path, backup)
    except OSError:
        pass
    print(
        i18n._(
            "Your saved progress could not be read; it was kept as {backup_name} and a fresh record was started.",
            backup_name=backup.name,
        )
    )
    return _empty()


def save(data: dict) -> bool:
    """Write ``data`` atomically; return False (and remember why) when the folder is not writable."""
    path = progress_path()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return True
    except OSError as exc:
        last_error[:] = [f"{type(exc).__name__}: {exc}"]
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def record(lesson: str, qid: str, status: str) -> dict:
    """Record one check. An unanswered check never overwrites an earlier status or counts as an attempt."""
    data = load()
    entry = data["lessons"].setdefault(lesson, {}).setdefault(qid, {"status": "unanswered", "attempts": 0})
    if status != "unanswered":
        entry["attempts"] = int(entry.get("attempts", 0)) + 1
        entry["status"] = status
        if status == "correct" and not entry.get("first_correct"):
            entry["first_correct"] = _now()
    save(data)
    return entry


def record_hint(lesson: str, qid: str, shown: int) -> None:
    """Remember how many hints of a question were revealed (the largest number)."""
    data = load()
    entry = data["lessons"].setdefault(lesson, {}).setdefault(qid, {"status": "unanswered", "attempts": 0})
    entry["hints_shown"] = max(int(entry.get("hints_shown", 0)), int(shown))
    save(data)


def lesson_entries(lesson: str) -> dict:
    return load()["lessons"].get(lesson, {})
