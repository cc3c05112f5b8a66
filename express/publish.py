"""Putting a build's outputs in place: the PDFs and the site made with them appear
together, or not at all.

A build writes what it makes into a stage, ``build/.stage-<hex>/`` (``pdf/``, and
``site/`` when the site is made), and publishes it in three steps:

1. a journal, ``build/.publishing``, names the stage and each part to publish (with its
   folder's inode, to know it again);
2. each part is exchanged with ``build/<part>`` in one step (``atomic.exchange``), so the
   folder is never missing and never half old, half new (between the exchanges of
   ``pdf`` and ``site``, an instant, the PDFs are new and the site not yet);
3. the journal is removed, then the stage, which now holds the previous outputs.

A run killed before step 1 leaves a stage and no journal: nothing was published, and the
stage is removed.  Killed after it, it leaves a journal: publishing was decided, so the
parts not yet in place are put there, then journal and stage are removed.  :func:`settle`
does this; every command runs it first, under the project's lock (express/lock.py).
Where a file system cannot exchange two folders (NFS, macOS), a part is replaced in two
renames, and a ``build/<part>`` missing after a kill between them is restored by
:func:`settle` from the stage.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

from express.atomic import exchange, fresh_dir, remove_leftovers, write_atomic

JOURNAL = ".publishing"
STAGE = ".stage-"
# what builds before the stage was brought in left behind: the site staged apart and
# the previous site between the two renames that replaced it, temporary PDFs
_LEGACY_STAGE = ".site-"
_LEGACY_OLD = ".site.old"


class PublishCut(OSError):
    """Publishing failed after ``replaced`` were put in place, and they could not be put
    back: the journal stays, so the next command puts the rest in place."""

    def __init__(self, cause: OSError, replaced: list[str]) -> None:
        super().__init__(cause.errno, cause.strerror, cause.filename)
        self.replaced = replaced


class Stage:
    """A folder in ``build/`` to make outputs in, then publish or discard."""

    def __init__(self, build: Path) -> None:
        self.build = build
        self.path = fresh_dir(build, STAGE)

    def part(self, name: str) -> Path:
        """The folder of the part ``name`` (``pdf``, ``site``), made on first use."""
        folder = self.path / name
        folder.mkdir(exist_ok=True)
        return folder

    def publish(self, parts: list[str]) -> None:
        """Put each of ``parts`` in place of ``build/<part>``, all of them or (should a
        rename fail) none: the parts already exchanged are exchanged back.  Should that
        fail too, :class:`PublishCut` says which parts are new."""
        journal = {"stage": self.path.name,
                   "parts": {name: _identity(self.path / name) for name in parts}}
        write_atomic(self.build / JOURNAL, json.dumps(journal).encode())
        done: list[str] = []
        try:
            for name in parts:
                _swap(self.path / name, self.build / name)
                done.append(name)
        except OSError as exc:
            try:
                for name in reversed(done):
                    if os.path.lexists(self.path / name):
                        _swap(self.path / name, self.build / name)
                    else:  # there was none before
                        os.rename(self.build / name, self.path / name)
            except OSError:
                raise PublishCut(exc, done) from exc
            (self.build / JOURNAL).unlink()
            raise
        (self.build / JOURNAL).unlink()
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def settle(build: Path) -> None:
    """Finish or undo what a run killed while writing ``build/`` left there (see the
    module's docstring).  Only with the project's lock held."""
    if not build.is_dir():
        return
    journal = build / JOURNAL
    with contextlib.suppress(FileNotFoundError):
        data = journal.read_bytes()
        # write_atomic wrote it whole: one that does not read is not ours to finish
        with contextlib.suppress(ValueError, KeyError, TypeError, AttributeError):
            _finish(build, json.loads(data))
        journal.unlink()
    old = build / _LEGACY_OLD
    if old.is_dir() and not (build / "site").exists():
        os.rename(old, build / "site")
    for entry in os.scandir(build):
        if entry.name.startswith((STAGE, _LEGACY_STAGE)) or entry.name == _LEGACY_OLD:
            shutil.rmtree(entry.path, ignore_errors=True)
    remove_leftovers(build)  # a journal being written
    remove_leftovers(build / "pdf")  # PDFs were written there before the stage


def _finish(build: Path, journal: dict) -> None:
    """Put in place each part the journal names that is not there yet."""
    stage = build / journal["stage"]
    for name, identity in journal["parts"].items():
        target, new = build / name, stage / name
        if _identity(target) == identity:
            continue  # exchanged before the run was killed
        if _identity(new) == identity:
            _swap(new, target)
        elif not os.path.lexists(target) and os.path.isdir(_aside(new)):
            os.rename(_aside(new), target)  # the new part is lost: the old one is back


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` at ``target``; what was there (if anything) ends at ``new``."""
    if not os.path.lexists(target):
        os.rename(new, target)
    elif not exchange(new, target):
        aside = _aside(new)
        os.rename(target, aside)
        try:
            os.rename(new, target)
        except OSError:
            os.rename(aside, target)
            raise
        os.rename(aside, new)


def _aside(new: Path) -> Path:
    """Where the two-rename swap keeps the old part meanwhile (inside the stage)."""
    return new.with_name(new.name + ".old")


def _identity(path: Path) -> list[int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return [st.st_dev, st.st_ino]
