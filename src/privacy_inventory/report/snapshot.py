"""Period snapshots: the ledger a review ran on and its results, stored exactly (Parquet keeps the
types), with a manifest of SHA-256 hashes of every file in the period's report."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import UsageError, os_reason
from ..files import write_text_atomic
from ..i18n import Vocabulary, t
from ..ledger.inventory import Inventory, empty_frame, with_schema_columns
from ..ledger.schema import TABLES, Table
from .period import stored_periods

SNAPSHOT_DIR = "snapshot"
MANIFEST = "manifest.json"
RESULT_TABLES = ("scores_flows", "scores_items", "scores_partners", "findings")


def read_json(path: Path) -> object:
    """A JSON file of a stored period; a damaged one is a usage error naming the file and the line."""
    try:
        return json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as exc:  # json's own words (Expecting value …) are not the reader's
        raise UsageError(
            t("snapshot.bad_json", path=path, line=exc.lineno, detail=t("json.syntax"))
        ) from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise UsageError(t("snapshot.bad_json", path=path, line=line, detail=t("json.not_utf8"))) from None
    except RecursionError:
        raise UsageError(t("snapshot.bad_json", path=path, line=1, detail=t("json.too_deep"))) from None
    except OSError as exc:
        raise UsageError(t("files.failed", path=path, reason=os_reason(exc))) from None


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
    (joint_uses.csv, incidents.csv came in 2026) reads as an empty table, or with those columns empty."""
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
        raise UsageError(t("snapshot.none", path=directory, meta=snap / "meta.json"))
    frames = {t.name: _read_table(snap, t) for t in TABLES}
    organisation = read_json(snap / "organisation.json")
    meta = read_json(snap / "meta.json")
    if not isinstance(organisation, dict) or not isinstance(meta, dict):
        raise UsageError(t("snapshot.bad_json", path=snap, line=1, detail=t("snapshot.not_an_object")))
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


SIGNING_KEY_ENV = "PRIVACY_INVENTORY_SIGNING_KEY"  # a file holding a secret kept outside the reports folder


class ManifestStatus(Vocabulary):
    """What `verify` finds wrong with a stored period."""

    changed = "changed", "内容が変わった", "changed"
    missing = "missing", "なくなった", "missing"
    added = "added", "追加された", "added"
    unreadable = "unreadable", "マニフェストを読めない", "manifest unreadable"
    chain_broken = "chain_broken", "前期との連鎖が切れている", "chain to the previous period broken"
    unsigned = "unsigned", "署名がない", "not signed"
    bad_signature = "bad_signature", "署名が一致しない", "signature does not match"


def _signing_key(key_file: Path | None = None) -> bytes | None:
    path = key_file or (Path(os.environ[SIGNING_KEY_ENV]) if os.environ.get(SIGNING_KEY_ENV) else None)
    if path is None:
        return None
    try:
        key = path.read_bytes().strip()
    except OSError as exc:
        raise UsageError(t("snapshot.key_unreadable", path=path, reason=os_reason(exc))) from None
    if len(key) < 16:
        raise UsageError(t("snapshot.key_short", path=path))
    return key


def _signature(manifest: dict, key: bytes) -> str:
    body = json.dumps(
        {k: v for k, v in manifest.items() if k != "signature"}, sort_keys=True, ensure_ascii=False
    )
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def write_manifest(directory: Path, previous: Path | None = None, key_file: Path | None = None) -> dict:
    """SHA-256 of every file of a period's report; the hash of the previous period's manifest (so that
    editing an earlier period breaks the chain); an HMAC signature when a signing key is configured."""
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != MANIFEST)
    manifest: dict = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "algorithm": "sha256",
        "files": {p.relative_to(directory).as_posix(): _sha256(p) for p in files},
        "previous": None,
    }
    if previous is not None and (previous / MANIFEST).is_file():
        manifest["previous"] = {"period": previous.name, "manifest_sha256": _sha256(previous / MANIFEST)}
    key = _signing_key(key_file)
    if key is not None:
        manifest["signature"] = {"algorithm": "hmac-sha256", "value": _signature(manifest, key)}
    write_text_atomic(directory / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def _read_manifest(directory: Path) -> dict | None:
    try:
        data = json.loads((directory / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def _row(period: str, file: str, status: ManifestStatus) -> dict:
    return {"period": period, "file": file, "status": str(status)}


def verify_manifest(directory: Path) -> pd.DataFrame:
    """Every changed, missing or added file of a period's report (empty when intact)."""
    if not (directory / MANIFEST).is_file():
        raise UsageError(t("snapshot.no_manifest", path=directory, manifest=MANIFEST))
    manifest = _read_manifest(directory)
    if manifest is None:
        return pd.DataFrame(
            [{"file": MANIFEST, "status": str(ManifestStatus.unreadable)}], columns=["file", "status"]
        )
    recorded = manifest["files"]
    present = {
        p.relative_to(directory).as_posix(): p
        for p in directory.rglob("*")
        if p.is_file() and p.name != MANIFEST
    }
    rows = []
    for name, digest in recorded.items():
        if name not in present:
            rows.append({"file": name, "status": str(ManifestStatus.missing)})
        elif _sha256(present[name]) != digest:
            rows.append({"file": name, "status": str(ManifestStatus.changed)})
    rows += [
        {"file": name, "status": str(ManifestStatus.added)} for name in sorted(set(present) - set(recorded))
    ]
    return pd.DataFrame(rows, columns=["file", "status"])


def verify_history(out: Path, key_file: Path | None = None) -> pd.DataFrame:
    """Every stored period checked against its manifest, and the chain between them: each manifest must
    record the hash of the manifest of the period stored before it. With a signing key, every manifest
    must carry a matching signature. Returns one row per problem: period, file, status (empty: intact)."""
    key = _signing_key(key_file)
    rows: list[dict] = []
    previous: Path | None = None
    for period in stored_periods(out):
        folder = out / str(period)
        problems = verify_manifest(folder)
        rows += [_row(str(period), r.file, r.status) for r in problems.itertuples()]
        manifest = _read_manifest(folder)
        if manifest is not None:
            link = manifest.get("previous")
            expected = (
                None
                if previous is None
                else {"period": previous.name, "manifest_sha256": _sha256(previous / MANIFEST)}
            )
            if link != expected:
                rows.append(_row(str(period), MANIFEST, ManifestStatus.chain_broken))
            if key is not None:
                signature = manifest.get("signature") or {}
                if not isinstance(signature, dict):  # a damaged or forged manifest
                    rows.append(_row(str(period), MANIFEST, ManifestStatus.bad_signature))
                elif not signature:
                    rows.append(_row(str(period), MANIFEST, ManifestStatus.unsigned))
                elif not hmac.compare_digest(str(signature.get("value", "")), _signature(manifest, key)):
                    rows.append(_row(str(period), MANIFEST, ManifestStatus.bad_signature))
        previous = folder
    return pd.DataFrame(rows, columns=["period", "file", "status"])
