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

from .errors import FileSystemError, UsageError
from .i18n import t


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """Turn a file-system failure inside the block into a FileSystemError naming the file (the error's
    own, else `path`): a full disk says which file could not be written, not only "errno 28"."""
    try:
        yield
    except FileSystemError:
        raise
    except OSError as exc:
        raise FileSystemError.of(exc, path) from None


def check_folder(folder: Path) -> None:
    """Refuse, before any work is done, a folder to write in that is a file (or lies under one)."""
    blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        if blocking == folder:
            raise UsageError(t("files.is_a_file", path=folder))
        raise UsageError(t("files.not_a_folder", path=blocking, folder=folder))


def ensure_folder(folder: Path) -> None:
    """Make `folder` (and its parents); a file in the way is a usage error naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        check_folder(folder)
        raise
    except OSError as exc:
        raise FileSystemError.of(exc, folder) from None


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` only if the block succeeds. A
    file-system failure (a full disk, a read-only folder) is a FileSystemError naming `target`."""
    ensure_folder(target.parent)
    with naming(target.parent):
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    tmp_path = Path(tmp)
    try:
        with naming(target):
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


BUILD_PREFIX = ".tmp-"  # .tmp-<name>-<pid>-<random>: a folder being built (or an old one being removed)
OLD_PREFIX = ".old-"  # .old-<name>-<pid>: a replaced folder, where the exchange rename is not available


def new_private_dir(parent: Path, prefix: str) -> Path:
    """A new, uniquely named folder in `parent`, with the permissions of an ordinary folder (mkdtemp
    alone makes it 0700, and renamed into place it would stay so)."""
    ensure_folder(parent)
    with naming(parent):
        tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        os.chmod(tmp, 0o777 & ~current_umask())
    return tmp


def _new_build_dir(target: Path) -> Path:
    return new_private_dir(target.parent, f"{BUILD_PREFIX}{target.name}-{os.getpid()}-")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this system or file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def _move_into_place(tmp: Path, target: Path, replace: bool) -> None:
    """Put the finished folder at `target` so that a reader (or a killed process) always finds either the
    complete old folder or the complete new one there."""
    if not target.exists():
        try:
            os.rename(tmp, target)  # atomic; refuses a target that appeared meanwhile (unless empty)
            return
        except OSError:
            if not target.exists():
                raise
    if not replace:
        raise UsageError(t("files.appeared", path=target))
    if _exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the old folder
        return
    old = target.with_name(f"{OLD_PREFIX}{target.name}-{os.getpid()}")
    os.replace(target, old)  # a moment without a folder at target: recover_leftovers() puts it back
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def _owner_alive(folder: Path, prefix: str) -> bool:
    """Whether the process that made a .tmp-/.old- folder still runs (its pid follows the prefix)."""
    token = folder.name[len(prefix) :].split("-", 1)[0]
    if not token.isdigit():
        return False
    pid = int(token)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_leftovers(target: Path) -> list[str]:
    """Tidy what an interrupted build of `target` left beside it, and say what was done: a replaced folder
    whose successor never arrived is put back; build folders of dead processes are removed."""
    notes: list[str] = []
    parent = target.parent
    if not parent.is_dir():
        return notes
    for old in sorted(parent.glob(f"{OLD_PREFIX}{target.name}-*")):
        if _owner_alive(old, f"{OLD_PREFIX}{target.name}-"):
            continue
        if not target.exists():
            os.replace(old, target)
            notes.append(t("files.restored", path=target))
        else:
            shutil.rmtree(old, ignore_errors=True)
            notes.append(t("files.removed_old", name=old.name))
    for build in sorted(parent.glob(f"{BUILD_PREFIX}{target.name}-*")):
        if not _owner_alive(build, f"{BUILD_PREFIX}{target.name}-"):
            shutil.rmtree(build, ignore_errors=True)
            notes.append(t("files.removed_build", name=build.name))
    return notes


@contextmanager
def built_aside(target: Path, *, replace: bool = False) -> Iterator[Path]:
    """Yield a private folder beside `target` to build in; when the block succeeds it becomes `target`
    (replacing an existing one only if `replace`). When the block raises, the folder is removed,
    unless the block moved it elsewhere first (e.g. to keep a failed build for inspection). Leftovers of
    interrupted earlier builds are recovered first (see recover_leftovers)."""
    recover_leftovers(target)
    tmp = _new_build_dir(target)
    try:
        yield tmp
        with naming(target):
            _move_into_place(tmp, target, replace)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
