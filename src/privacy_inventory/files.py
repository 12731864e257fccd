"""Writing files so that a reader never sees half of one: atomic file writes and folders built aside.

A file is written to a temporary name beside its target and renamed over it; a folder (a report, a
ledger) is built in a private folder beside its target and renamed into place when complete. Beside
means on the same file system, so the rename is atomic.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UsageError


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o666 & ~current_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_text_atomic(target: Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding=encoding)


def write_with(target: Path, writer: Callable[[Path], None]) -> None:
    """Run `writer(tmp_path)` and move the result into place atomically."""
    with atomic_path(target) as tmp:
        writer(tmp)


def _new_build_dir(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{target.name}-", dir=target.parent))
    os.chmod(tmp, 0o777 & ~current_umask())  # mkdtemp makes 0700; a report is an ordinary folder
    return tmp


def _move_into_place(tmp: Path, target: Path, replace: bool) -> None:
    """Rename the finished folder to its place; an earlier one (when replacing) is removed only after."""
    if target.exists() and not replace:
        raise UsageError(f"{target} appeared while it was being built; nothing was replaced")
    old = None
    if target.exists():
        old = target.with_name(f".old-{target.name}-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def built_aside(target: Path, *, replace: bool = False) -> Iterator[Path]:
    """Yield a private folder beside `target` to build in; when the block succeeds it becomes `target`
    (replacing an existing one only if `replace`). When the block raises, the folder is removed,
    unless the block moved it elsewhere first (e.g. to keep a failed build for inspection)."""
    tmp = _new_build_dir(target)
    try:
        yield tmp
        _move_into_place(tmp, target, replace)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
