"""A report is replaced so that a kill at any filesystem step leaves the complete old report or the
complete new one at reports/<period>, and the next run tidies what the killed one left, saying so.

The kill is injected, not timed: a child process counts every filesystem call (rename, replace, mkdir,
chmod, unlink, rmdir, rmtree, mkdtemp, the exchange) and exits right after the N-th; the test runs the
child once for every N."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from privacy_inventory.files import recover_leftovers
from privacy_inventory.report.period import parse_period
from privacy_inventory.report.review import run_review

from .conftest import REPO

CHILD = r"""
import os, shutil, sys, tempfile, types
from pathlib import Path

kill_at, root, fallback = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "fallback"
pkg = types.ModuleType("privacy_inventory")  # files.py alone: no need to import pandas for this
pkg.__path__ = [sys.argv[4]]
sys.modules["privacy_inventory"] = pkg
import privacy_inventory.files as files

count = 0

def counted(fn):
    def step(*args, **kwargs):
        global count
        result = fn(*args, **kwargs)
        count += 1
        if count == kill_at:
            os._exit(137)  # killed right after this step: no cleanup, no exception handling
        return result
    return step

for name in ("rename", "replace", "mkdir", "chmod", "unlink", "remove", "rmdir"):
    setattr(os, name, counted(getattr(os, name)))
shutil.rmtree = counted(shutil.rmtree)
tempfile.mkdtemp = counted(tempfile.mkdtemp)
files._exchange = counted((lambda a, b: False) if fallback else files._exchange)

with files.built_aside(root / "2026Q4", replace=True) as tmp:  # a report: pages and a snapshot folder
    for i in range(3):
        files.write_text_atomic(tmp / f"page{i}.html", f"NEW {i}")
    (tmp / "snapshot").mkdir()
    files.write_text_atomic(tmp / "snapshot" / "meta.json", "NEW meta")
print("STEPS", count)
"""


def old_report(root: Path) -> Path:
    target = root / "2026Q4"
    (target / "snapshot").mkdir(parents=True)
    for i in range(3):
        (target / f"page{i}.html").write_text(f"OLD {i}")
    (target / "snapshot" / "meta.json").write_text("OLD meta")
    return target


def state(target: Path) -> str | None:
    """'OLD' or 'NEW' when the folder holds one complete report, else None (missing, half or mixed)."""
    files = [target / f"page{i}.html" for i in range(3)] + [target / "snapshot" / "meta.json"]
    if not all(f.is_file() for f in files):
        return None
    kinds = {f.read_text().split()[0] for f in files}
    return kinds.pop() if len(kinds) == 1 else None


def run_child(kill_at: int, root: Path, mode: str) -> subprocess.CompletedProcess:
    src = str(REPO / "src" / "privacy_inventory")
    return subprocess.run([sys.executable, "-c", CHILD, str(kill_at), str(root), mode, src],
                          capture_output=True, text=True, timeout=60)  # fmt: skip


@pytest.mark.parametrize("mode", ["exchange", "fallback"])
def test_a_kill_after_any_filesystem_step_leaves_a_whole_report(tmp_path, mode):
    probe = tmp_path / "probe"
    old_report(probe)
    done = run_child(10**9, probe, mode)
    assert done.returncode == 0, done.stderr
    steps = int(done.stdout.split()[-1])
    assert state(probe / "2026Q4") == "NEW" and steps > 15
    outcomes = set()
    for kill_at in range(1, steps + 1):
        root = tmp_path / f"run{kill_at}"
        target = old_report(root)
        res = run_child(kill_at, root, mode)
        assert res.returncode == 137, (kill_at, res.stderr)
        if mode == "exchange":  # no moment without a whole report at the target
            assert state(target) in ("OLD", "NEW"), f"killed after step {kill_at}"
        notes = recover_leftovers(target)  # what the next run does first
        after = state(target)
        assert after in ("OLD", "NEW"), f"killed after step {kill_at}: {notes}"
        assert sorted(p.name for p in root.iterdir()) == ["2026Q4"], f"leftovers after step {kill_at}"
        outcomes.add(after)
        if any(p.name.startswith((".tmp-", ".old-")) for p in root.iterdir()):
            pytest.fail(f"leftovers after recovery at step {kill_at}")
    assert outcomes == {"OLD", "NEW"}  # kills before the swap keep the old report, after it the new


def test_the_next_review_cleans_up_and_says_so(tmp_path, cli):
    out = tmp_path / "reports"
    shutil.copytree(REPO / "reports" / "2026Q3", out / "2026Q3")
    stray = out / ".tmp-2026Q4-999999999-abcdef"  # a build folder whose process is long gone
    (stray / "snapshot").mkdir(parents=True)
    (stray / "index.html").write_text("half a report")
    aside = out / ".old-2026Q4-999999998"  # a report a killed run moved aside (no exchange on its system)
    aside.mkdir()
    (aside / "index.html").write_text("the previous 2026Q4")
    res = cli("review", "--period", "2026Q4", "--out", out)
    assert res.code == 2 and "--force" in res.err  # the restored period is not silently overwritten
    assert "restored" in res.err and (out / "2026Q4" / "index.html").read_text() == "the previous 2026Q4"
    assert "removed .tmp-2026Q4-999999999-abcdef" in res.err
    assert sorted(p.name for p in out.iterdir()) == ["2026Q3", "2026Q4"]


def test_a_live_build_is_left_alone(tmp_path):
    import os

    target = tmp_path / "2026Q4"
    mine = tmp_path / f".tmp-2026Q4-{os.getpid()}-xyz"  # this process is alive: its build stays
    mine.mkdir()
    assert recover_leftovers(target) == [] and mine.is_dir()


@pytest.mark.slow
def test_a_review_killed_after_the_swap_is_whole_and_tidied_next_time(tmp_path):
    out = tmp_path / "reports"
    run_review(parse_period("2026Q4"), None, out, lang="en")
    script = (
        "import os, sys\n"
        "import privacy_inventory.files as files\n"
        "real = files._exchange\n"
        "def kill_after(a, b):\n    real(a, b)\n    os._exit(137)\n"
        "files._exchange = kill_after\n"
        "from privacy_inventory.cli import main\n"
        f"main(['review', '--period', '2026Q4', '--out', {str(out)!r}, '--force', '--lang', 'ja'])\n"
    )
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert res.returncode == 137
    page = (out / "2026Q4" / "index.html").read_text(encoding="utf-8")
    assert 'lang="ja"' in page  # the new (Japanese) report is in place, whole
    assert any(p.name.startswith(".tmp-2026Q4-") for p in out.iterdir())  # the old one, not yet removed
    notes = recover_leftovers(out / "2026Q4")
    assert notes and all("removed" in n for n in notes)
    assert sorted(p.name for p in out.iterdir()) == ["2026Q4"]
