"""Peak memory of `privacy-inventory validate` on small hostile inputs (issue 18).

Target: peak RSS < 1 GB for any input under 10 MB. Each input runs `validate` in a child process; its
peak RSS is that child's own (os.wait4), its time the wall time. The inputs (made under bench/out/bombs):
a YAML alias chain as organisation.yaml; a workbook whose flows sheet holds 4 GB of whitespace; a workbook
with one 2 GB cell (both over the default size limit) and 1 GB versions of both (under it: refused for their
compression ratio); 10 MB CSVs (valid rows, a quote left open on line 3, one 10 MB value on one line).
The bundled ledger is the baseline. Benchmarks print numbers; they do not pass or fail.
Run: python bench/bench_bombs.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import OUT_DIR, header

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tests.bombs import alias_chain_yaml, big_cell_bomb, whitespace_bomb  # noqa: E402

CLI = Path(sys.executable).with_name("privacy-inventory")
BOMBS = OUT_DIR / "bombs"


def bundled() -> Path:
    from privacy_inventory.paths import bundled_inventory

    return bundled_inventory()


def ledger_with(name: str, file: str, content: bytes) -> Path:
    path = BOMBS / name
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(bundled(), path)
    (path / file).write_bytes(content)
    return path


def csv_inputs() -> dict[str, tuple[Path, int]]:
    flows = (bundled() / "flows.csv").read_bytes()
    head, _, body = flows.partition(b"\n")
    rows = body.splitlines()
    target = 10_000_000
    many = [head]
    n = 0
    while sum(map(len, many)) < target:  # valid rows with fresh ids, to 10 MB
        for row in rows:
            many.append(b"FX%07d" % n + row[row.index(b",") :])
            n += 1
    valid = b"\n".join(many) + b"\n"
    lines = valid.split(b"\n")
    cut = lines[2].rindex(b",")
    lines[2] = lines[2][: cut + 1] + b'"' + lines[2][cut + 1 :]
    open_quote = b"\n".join(lines)
    one_cell = head + b"\n" + rows[0][: rows[0].rindex(b",") + 1] + b"x" * target + b"\n"
    out = {}
    for name, data in (
        ("csv_10mb_valid", valid),
        ("csv_10mb_open_quote", open_quote),
        ("csv_10mb_one_value", one_cell),
    ):
        out[name] = (ledger_with(name, "flows.csv", data), len(data))
    return out


def inputs() -> dict[str, tuple[Path, int]]:
    BOMBS.mkdir(parents=True, exist_ok=True)
    yaml_text = alias_chain_yaml().encode()
    made = {"bundled ledger (baseline)": (bundled(), 0)}
    made["yaml_alias_chain"] = (ledger_with("yaml_alias", "organisation.yaml", yaml_text), len(yaml_text))
    book = BOMBS / "ledger.xlsx"
    if not book.exists():
        subprocess.run([str(CLI), "export-xlsx", str(book)], check=True, capture_output=True)
    made["xlsx_bundled (baseline)"] = (book, book.stat().st_size)
    bombs = (
        ("xlsx_whitespace_4gb", whitespace_bomb, 4096),
        ("xlsx_cell_2gb", big_cell_bomb, 2048),
        ("xlsx_whitespace_1gb", whitespace_bomb, 1024),  # under the size limit: refused for the ratio
        ("xlsx_cell_1gb", big_cell_bomb, 1024),
    )
    for name, make, mb in bombs:
        path = BOMBS / f"{name}.xlsx"
        if not path.exists():
            make(book, path, megabytes=mb)
        made[name] = (path, path.stat().st_size)
    made |= csv_inputs()
    return made


def measure(path: Path) -> tuple[int, float, float, str]:
    """validate PATH in a child: exit code, seconds, its own peak RSS (MB), the message's first line."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen([str(CLI), "validate", str(path)], stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # this child's rusage alone (not every child's maximum)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = err.read().decode(errors="replace").strip() or out.read().decode(errors="replace").strip()
    lines = text.splitlines()
    message = lines[0] if child.returncode == 2 and lines else (lines[-1] if lines else "")
    return child.returncode, seconds, usage.ru_maxrss / 1024, " ".join(message.split())[:100]


def main() -> None:
    header("validate on small hostile inputs (target: peak RSS < 1024 MB for inputs < 10 MB)")
    for label, (path, size) in inputs().items():
        code, seconds, peak, message = measure(path)
        size_text = f"{size / 1e6:6.2f} MB" if size else "      —  "
        print(f"{label:<28} {size_text}  exit {code}  {seconds:6.2f} s  peak RSS {peak:7.0f} MB  {message}")


if __name__ == "__main__":
    main()
