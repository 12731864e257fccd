"""What changed between two assessed ledgers: rows added, removed and changed field by field, risk
levels that moved and why, findings opened and resolved. Vectorised: one outer merge per table.

A side is a ledger assessed now (`ledger_side`) or a stored period (report/history.py reads one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..i18n import Vocabulary
from ..ledger.inventory import Inventory
from ..ledger.schema import TABLES_BY_NAME
from .arrangements import Arrangement, arrangements
from .pipeline import assess
from .risk import RiskResult

COMPARED_TABLES = (
    "items",
    "purposes",
    "partners",
    "joint_uses",
    "flows",
    "controls",
    "departments",
    "actions",
    "incidents",
)
CHANGE_COLUMNS = ["table", "key", "change", "column", "old", "new"]
FINDING_KEY = ["rule_id", "subject_table", "subject_id"]
REASONS = ["reason_ja", "reason_en"]
# reasons(table, key, ids) → the rows' key and reasons; a stored period reads them from its snapshot.
ReasonReader = Callable[[str, str, pd.Series], pd.DataFrame]


class Change(Vocabulary):
    added = "added", "追加", "added"
    removed = "removed", "削除", "removed"
    changed = "changed", "変更", "changed"


class Movement(Vocabulary):
    up = "up", "上昇", "up"
    down = "down", "低下", "down"


class FindingChange(Vocabulary):
    opened = "opened", "新たな指摘", "opened"
    resolved = "resolved", "解消", "resolved"


class IncidentChange(Vocabulary):
    added = "added", "新たな事案", "added"
    closed = "closed", "完了した事案", "closed"
    reopened = "reopened", "再開した事案", "reopened"


INCIDENT_CHANGE_COLUMNS = ["change", "incident_id", "discovered", "cause", "people", "appi_duty", "mn_duty",
                           "status", "closed_on"]  # fmt: skip


class JointUseChange(Vocabulary):
    """What changed in a joint-use arrangement between two periods (APPI Art.27(5)(iii), 27(6))."""

    added = "added", "新たな共同利用", "new arrangement"
    items = "items", "共同して利用される個人データの項目", "items jointly used"
    scope = "scope", "共同して利用する者の範囲", "scope of joint users"
    purposes = "purposes", "利用する者の利用目的", "joint users' purposes"
    manager = "manager", "管理について責任を有する者", "manager"
    manager_details = (
        "manager_details",
        "管理責任者の氏名・名称・住所・代表者",
        "manager's name, address or representative",
    )


class NoticeTiming(Vocabulary):
    """When the person must be told of the change."""

    before_start = "before_start", "共同利用の開始前（あらかじめ）", "before joint use starts"
    in_advance = "in_advance", "変更前（あらかじめ）", "before the change"
    without_delay = "without_delay", "変更後遅滞なく", "without delay after the change"
    consent = (
        "consent",
        "原則として変更できない（本人同意又は新たな共同利用として通知）",
        "in principle not changeable (consent, or notice as a new joint use)",
    )


NOTICE_COLUMNS = [
    "joint_use_id",
    "change",
    "old",
    "new",
    "article",
    "article_en",
    "timing",
    "notice_updated",
    "message_ja",
    "message_en",
]
# 27(6): the manager's name, address or representative changed → without delay; the users' purposes or the
# manager changed → in advance. Items and scope are, per PPC GL 3-6-3, in principle not changed within one
# arrangement (a new notice, and consent where the person could not expect it).
_RULES = {
    JointUseChange.added: ("個人情報保護法27条5項3号", "APPI Art.27(5)(iii)", NoticeTiming.before_start),
    JointUseChange.items: ("個人情報保護法27条5項3号（GL通則3-6-3）", "APPI Art.27(5)(iii) (PPC GL 3-6-3)", NoticeTiming.consent),
    JointUseChange.scope: ("個人情報保護法27条5項3号（GL通則3-6-3）", "APPI Art.27(5)(iii) (PPC GL 3-6-3)", NoticeTiming.consent),
    JointUseChange.purposes: ("個人情報保護法27条6項（17条2項）", "APPI Art.27(6) (Art.17(2))", NoticeTiming.in_advance),
    JointUseChange.manager: ("個人情報保護法27条6項", "APPI Art.27(6)", NoticeTiming.in_advance),
    JointUseChange.manager_details: ("個人情報保護法27条6項", "APPI Art.27(6)", NoticeTiming.without_delay),
}  # fmt: skip


@dataclass
class Side:
    label: str
    inv: Inventory
    flows: pd.DataFrame  # scored flows (flow_id, level, score, residual_level, residual_score, …)
    items: pd.DataFrame
    findings: pd.DataFrame
    risk: RiskResult | None = None  # a ledger assessed now: reasons are rendered on demand
    read_reasons: ReasonReader | None = None  # a stored period: reasons are read from its snapshot

    def reasons(self, table: str, key: str, ids: pd.Series) -> pd.DataFrame:
        """reason_ja / reason_en of the given rows only."""
        if "reason_ja" in getattr(self, table):
            src = getattr(self, table)
            return src.loc[src[key].isin(ids), [key, *REASONS]]
        if self.read_reasons is not None:
            return self.read_reasons(table, key, ids)
        if self.risk is not None:
            from .explain import explain

            rows = getattr(self.risk, table)
            return explain(self.risk, self.inv, table, rows[rows[key].isin(ids)], factors=False)[
                [key, *REASONS]
            ]
        return pd.DataFrame(columns=[key, *REASONS])


def ledger_side(ledger, as_of: dt.date | None = None, label: str | None = None) -> Side:
    """A ledger (directory, workbook or Inventory) assessed as of a date, as one side of a diff."""
    a = assess(ledger, as_of=as_of)
    return Side(label or str(ledger), a.inventory, a.risk.flows, a.risk.items, a.findings, risk=a.risk)


TEXT = "string[pyarrow]"  # Arrow-backed: a million rows of text without a Python object per cell


def _as_text(s: pd.Series) -> pd.Series:
    """Comparable text: dates as YYYY-MM-DD, booleans lower-case, missing as NA."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.dt.strftime("%Y-%m-%d").astype(TEXT)
    if pd.api.types.is_bool_dtype(s) or str(s.dtype) == "boolean":
        return s.astype(TEXT).str.lower()
    return s.astype(TEXT)


def table_changes(a: pd.DataFrame, b: pd.DataFrame, table: str) -> pd.DataFrame:
    """Rows added, removed, and changed (one row per changed field, with old → new)."""
    spec = TABLES_BY_NAME[table]
    key = spec.key[0]
    cols = [c for c in spec.column_names if c != key and c in a.columns and c in b.columns]
    left = a[[key, *cols]].assign(**{c: _as_text(a[c]) for c in cols})
    right = b[[key, *cols]].assign(**{c: _as_text(b[c]) for c in cols})
    merged = left.merge(right, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    frames = []
    for side, change in (("right_only", Change.added), ("left_only", Change.removed)):
        rows = merged.loc[merged["_merge"] == side, key]
        if len(rows):
            frames.append(
                pd.DataFrame(
                    {
                        "table": table,
                        "key": rows.to_numpy(),
                        "change": change,
                        "column": None,
                        "old": None,
                        "new": None,
                    }
                )
            )
    both = merged[merged["_merge"] == "both"]
    for c in cols:
        old, new = both[c + "_old"], both[c + "_new"]
        differ = (old.fillna("\0") != new.fillna("\0")).to_numpy()
        if differ.any():
            frames.append(pd.DataFrame({"table": table, "key": both[key].to_numpy()[differ], "change": Change.changed, "column": c,
                                        "old": old.to_numpy()[differ], "new": new.to_numpy()[differ]}))  # fmt: skip
    if not frames:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["key", "change", "column"], kind="stable", na_position="first").reset_index(
        drop=True
    )


def _levels(a: pd.DataFrame, b: pd.DataFrame) -> list[str]:
    """The risk levels in order, lowest first, as the scored tables carry them (ordered categoricals)."""
    for df in (b, a):
        if isinstance(df["level"].dtype, pd.CategoricalDtype):
            return list(df["level"].cat.categories)
    return sorted(set(a["level"].astype(str)) | set(b["level"].astype(str)))


def risk_moves(a: pd.DataFrame, b: pd.DataFrame, key: str = "flow_id") -> pd.DataFrame:
    """Rows present in both whose inherent or residual level moved, with the direction and the reasons."""
    keep = [key, "level", "score", "residual_level", "residual_score"]
    m = a[keep].merge(b[keep], on=key, suffixes=("_old", "_new"))
    order = {lvl: i for i, lvl in enumerate(_levels(a, b))}
    rows = []
    for prefix in ("", "residual_"):
        old = m[prefix + "level_old"].astype(str).map(order)
        new = m[prefix + "level_new"].astype(str).map(order)
        moved = m[old != new]
        if moved.empty:
            continue
        d = pd.DataFrame({key: moved[key].to_numpy(), "measure": "residual" if prefix else "inherent",
                          "direction": np.where(new[old != new] > old[old != new], Movement.up, Movement.down),
                          "old_level": moved[prefix + "level_old"].astype(str).to_numpy(),
                          "new_level": moved[prefix + "level_new"].astype(str).to_numpy(),
                          "old_score": moved[prefix + "score_old"].to_numpy(), "new_score": moved[prefix + "score_new"].to_numpy()})  # fmt: skip
        rows.append(d)
    return (
        pd.concat(rows, ignore_index=True)
        if rows
        else pd.DataFrame(columns=[key, "measure", "direction", "old_level", "new_level"])
    )


def finding_changes(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Findings opened (in TO, not in FROM) and resolved (in FROM, not in TO), by rule and subject."""
    cols = [*FINDING_KEY, "severity", "article", "message_ja", "message_en"]
    left = a[cols].astype({"severity": str})
    right = b[cols].astype({"severity": str})
    m = left.merge(right, on=FINDING_KEY, how="outer", suffixes=("_from", "_to"), indicator=True)
    out = m[m["_merge"] != "both"].copy()
    out["change"] = np.where(out["_merge"] == "right_only", FindingChange.opened, FindingChange.resolved)
    for c in ("severity", "article", "message_ja", "message_en"):
        out[c] = out[c + "_to"].fillna(out[c + "_from"])
    return out[["change", *FINDING_KEY, "severity", "article", "message_ja", "message_en"]].reset_index(
        drop=True
    )


def incident_changes(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Incidents added to the register (in TO, not in FROM), closed (open in FROM, closed in TO — or
    added already closed) and reopened, with what the register says of them in TO."""
    if b.empty:
        return pd.DataFrame(columns=INCIDENT_CHANGE_COLUMNS)
    before = a.set_index("incident_id")["status"].astype("str") if len(a) else pd.Series(dtype="str")
    was = b["incident_id"].map(before)
    now = b["status"].astype("str")
    rows = []
    for change, mask in (
        (IncidentChange.added, was.isna()),
        (IncidentChange.closed, now.eq("closed") & was.ne("closed")),
        (IncidentChange.reopened, now.ne("closed") & was.eq("closed")),
    ):
        part = b[mask.fillna(False).astype(bool)]
        if len(part):
            rows.append(part.assign(change=change.value))
    if not rows:
        return pd.DataFrame(columns=INCIDENT_CHANGE_COLUMNS)
    out = pd.concat(rows, ignore_index=True)
    return (
        out[INCIDENT_CHANGE_COLUMNS]
        .sort_values(["incident_id", "change"], kind="stable")
        .reset_index(drop=True)
    )


def _manager_text(a: Arrangement) -> str:
    parts = [p.name or p.ref for p in a.managers] + ([a.manager_category] if a.manager_category else [])
    return "・".join(parts)


def _details(a: Arrangement) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {p.ref: (p.name, p.address, p.representative) for p in a.managers}


def _text(values: list[str] | str | None) -> str:
    return ";".join(values) if isinstance(values, list) else (values or "")


def joint_use_notices(a: Inventory, b: Inventory) -> pd.DataFrame:
    """Each arrangement changed from `a` to `b` with the notice the change calls for (APPI Art.27(6);
    PPC GL 3-6-3), and whether its notice date moved on (`notice_updated`). A stored period from before the
    joint-use table existed has nothing to compare with."""
    if a.joint_uses.attrs.get("absent") or b.joint_uses.attrs.get("absent"):
        return pd.DataFrame(columns=NOTICE_COLUMNS)
    before = {x.joint_use_id: x for x in arrangements(a)}
    rows = []
    for new in arrangements(b):
        old = before.get(new.joint_use_id)
        changed: list[tuple[JointUseChange, str, str]] = []
        if old is None:
            changed.append((JointUseChange.added, "", new.title or new.joint_use_id))
        else:
            if sorted(old.items) != sorted(new.items) or old.items_stated != new.items_stated:
                changed.append(
                    (
                        JointUseChange.items,
                        _text(old.items) or _text(old.items_stated),
                        _text(new.items) or _text(new.items_stated),
                    )
                )
            if sorted(old.members) != sorted(new.members) or sorted(old.categories) != sorted(new.categories):
                changed.append(
                    (
                        JointUseChange.scope,
                        _text(old.members + old.categories),
                        _text(new.members + new.categories),
                    )
                )
            if sorted(old.purposes) != sorted(new.purposes) or old.purposes_stated != new.purposes_stated:
                changed.append(
                    (
                        JointUseChange.purposes,
                        _text(old.purposes) or _text(old.purposes_stated),
                        _text(new.purposes) or _text(new.purposes_stated),
                    )
                )
            if [p.ref for p in old.managers] != [
                p.ref for p in new.managers
            ] or old.manager_category != new.manager_category:
                changed.append((JointUseChange.manager, _manager_text(old), _manager_text(new)))
            else:
                od, nd = _details(old), _details(new)
                for ref in nd:
                    if ref in od and od[ref] != nd[ref]:
                        o = " / ".join(x or "—" for x in od[ref])
                        n = " / ".join(x or "—" for x in nd[ref])
                        changed.append((JointUseChange.manager_details, o, n))
        updated = bool(
            old is not None and new.notice_date is not None
            and (old.notice_date is None or new.notice_date > old.notice_date)
        )  # fmt: skip
        for change, o, n in changed:
            article, article_en, timing = _RULES[change]
            state_ja = (
                f"（通知・公表日 {new.notice_date.date()} に更新済み）"
                if updated
                else "（通知・公表日は更新されていない）"
            )
            state_en = (
                f" (notice date updated to {new.notice_date.date()})"
                if updated
                else " (the notice date has not changed)"
            )
            if change is JointUseChange.added:
                state_ja, state_en = "", ""
            rows.append({
                "joint_use_id": new.joint_use_id, "change": str(change), "old": o, "new": n, "article": article,
                "article_en": article_en,
                "timing": str(timing), "notice_updated": updated,
                "message_ja": f"共同利用 {new.joint_use_id} の「{change.ja}」が変わった：{timing.ja}に本人への通知又は容易に知り得る状態に置くことが必要{state_ja}",
                "message_en": f"joint use {new.joint_use_id}: its {change.en} changed; the person must be told {timing.en}{state_en}",
            })  # fmt: skip
    return pd.DataFrame(rows, columns=NOTICE_COLUMNS)


@dataclass
class LedgerDiff:
    source: str
    target: str
    changes: pd.DataFrame
    flow_moves: pd.DataFrame
    item_moves: pd.DataFrame
    findings: pd.DataFrame
    notices: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=NOTICE_COLUMNS))
    incidents: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=INCIDENT_CHANGE_COLUMNS))

    @property
    def empty(self) -> bool:
        return (
            self.changes.empty
            and self.flow_moves.empty
            and self.item_moves.empty
            and self.findings.empty
            and self.notices.empty
            and self.incidents.empty
        )

    def counts(self) -> dict:
        c = self.changes
        per = c.drop_duplicates(["table", "key", "change"]).groupby(["table", "change"]).size()
        return {
            "changes": {f"{t}.{ch}": int(n) for (t, ch), n in per.items()},
            "risk_up": int((self.flow_moves["direction"] == Movement.up).sum())
            if len(self.flow_moves)
            else 0,
            "risk_down": int((self.flow_moves["direction"] == Movement.down).sum())
            if len(self.flow_moves)
            else 0,
            "findings_opened": int((self.findings["change"] == FindingChange.opened).sum()),
            "findings_resolved": int((self.findings["change"] == FindingChange.resolved).sum()),
            "joint_use_notices": len(self.notices),
            "incidents_added": int((self.incidents["change"] == IncidentChange.added).sum()),
            "incidents_closed": int((self.incidents["change"] == IncidentChange.closed).sum()),
        }


def _with_reasons(moves: pd.DataFrame, a: Side, b: Side, table: str, key: str) -> pd.DataFrame:
    """The old and the new reason beside each moved row (why the level moved)."""
    if moves.empty:
        return moves
    ids = moves[key]
    old = a.reasons(table, key, ids).rename(
        columns={"reason_ja": "old_reason_ja", "reason_en": "old_reason_en"}
    )
    new = b.reasons(table, key, ids).rename(
        columns={"reason_ja": "new_reason_ja", "reason_en": "new_reason_en"}
    )
    return moves.merge(old.drop_duplicates(key), on=key, how="left").merge(
        new.drop_duplicates(key), on=key, how="left"
    )


def diff_sides(a: Side, b: Side) -> LedgerDiff:
    changes = [table_changes(a.inv.table(t), b.inv.table(t), t) for t in COMPARED_TABLES]
    changes = [c for c in changes if not c.empty]
    return LedgerDiff(
        a.label,
        b.label,
        pd.concat(changes, ignore_index=True) if changes else pd.DataFrame(columns=CHANGE_COLUMNS),
        _with_reasons(risk_moves(a.flows, b.flows, "flow_id"), a, b, "flows", "flow_id"),
        _with_reasons(risk_moves(a.items, b.items, "item_id"), a, b, "items", "item_id"),
        finding_changes(a.findings, b.findings),
        joint_use_notices(a.inv, b.inv),
        incident_changes(a.inv.incidents, b.inv.incidents),
    )
