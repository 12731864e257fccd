"""Period snapshots: the ledger a review ran on and its results, stored exactly (Parquet keeps the
types), with a manifest of SHA-256 hashes of every file in the period's report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import UsageError
from ..ledger.inventory import Inventory, empty_frame, with_schema_columns
from ..ledger.schema import TABLES, Table

SNAPSHOT_DIR = "snapshot"
MANIFEST = "manifest.json"
RESULT_TABLES = ("scores_flows", "scores_items", "scores_partners", "findings")


def _to_parquet(df: pd.DataFrame, path: Path) -> None:
    df.reset_index(drop=True).to_parquet(path, index=False)


def write_snapshot(directory: Path, inv: Inventory, results: dict[str, pd.DataFrame], meta: dict) -> None:
    """Write the ledger tables, organisation, results and metadata under directory/snapshot/."""
    snap = directory / SNAPSHOT_DIR
    snap.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        _to_parquet(inv.table(table.name), snap / f"{table.name}.parquet")
    for name, df in results.items():
        _to_parquet(df, snap / f"{name}.parquet")
    (snap / "organisation.json").write_text(
        json.dumps(inv.organisation, ensure_ascii=False, default=str, indent=1), "utf-8"
    )
    (snap / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, default=str, indent=1), "utf-8")


@dataclass
class Snapshot:
    path: Path
    inventory: Inventory
    results: dict[str, pd.DataFrame]
    meta: dict


def _read_table(snap: Path, table: Table) -> pd.DataFrame:
    """A ledger table of a snapshot. A snapshot written before the table or some of its columns existed
    (joint_uses.csv came in 2026) reads as an empty table, or with those columns empty."""
    path = snap / f"{table.name}.parquet"
    if not path.is_file():
        empty = empty_frame(table)
        empty.attrs["absent"] = True  # not "no rows": the period did not record this table at all
        return empty
    return with_schema_columns(pd.read_parquet(path), table)


def read_snapshot(directory: Path, result_columns: dict[str, list[str]] | None = None) -> Snapshot:
    """Read a period's snapshot; `result_columns` limits the result tables to the columns a caller needs
    (a million scored flows with their reasons are most of the memory)."""
    snap = directory / SNAPSHOT_DIR
    if not (snap / "meta.json").is_file():
        raise UsageError(
            f"{directory}: no snapshot (expected {snap}/meta.json); run `privacy-inventory review` for that period"
        )
    frames = {t.name: _read_table(snap, t) for t in TABLES}
    organisation = json.loads((snap / "organisation.json").read_text("utf-8"))
    meta = json.loads((snap / "meta.json").read_text("utf-8"))
    inv = Inventory(path=Path(meta.get("inventory", str(directory))), organisation=organisation, **frames)
    wanted = result_columns or {}
    results = {
        n: pd.read_parquet(snap / f"{n}.parquet", columns=wanted.get(n))
        for n in RESULT_TABLES
        if (snap / f"{n}.parquet").exists()
    }
    return Snapshot(directory, inv, results, meta)


# --- manifest ----------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(directory: Path) -> dict:
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "algorithm": "sha256",
        "files": {p.relative_to(directory).as_posix(): _sha256(p) for p in files},
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")
    return manifest


def verify_manifest(directory: Path) -> pd.DataFrame:
    """Every changed, missing or added file of a period's report (empty when intact)."""
    path = directory / MANIFEST
    if not path.is_file():
        raise UsageError(f"{directory}: no {MANIFEST}; not a finished period report")
    recorded = json.loads(path.read_text("utf-8"))["files"]
    present = {
        p.relative_to(directory).as_posix(): p
        for p in directory.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }
    rows = []
    for name, digest in recorded.items():
        if name not in present:
            rows.append({"file": name, "status": "missing"})
        elif _sha256(present[name]) != digest:
            rows.append({"file": name, "status": "changed"})
    rows += [{"file": name, "status": "added"} for name in sorted(set(present) - set(recorded))]
    return pd.DataFrame(rows, columns=["file", "status"])
