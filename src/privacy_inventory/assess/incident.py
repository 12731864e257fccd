"""Breach impact: what an incident exposed, how severe it is (ENISA 2013), whether APPI Art.26 and the
My Number rules require a report to the PPC and notice to the people, and by which dates.

Every number comes from the `breach` section of risk_model.yaml, which cites its sources.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import UsageError
from ..i18n import Vocabulary, t
from ..ledger.inventory import Inventory
from ..ledger.schema import ORGANISATION_FIELDS, TABLES, Direction
from .model import Breach, RiskModel


class Cause(Vocabulary):
    """What happened; each cause's ENISA circumstances are set in risk_model.yaml (breach.enisa.causes)."""

    loss = "loss", "紛失", "loss"
    theft = "theft", "盗難", "theft"
    misdelivery = "misdelivery", "誤送付・誤配達", "misdelivery"
    unauthorized_access = "unauthorized_access", "不正アクセス", "unauthorised access"
    malware = "malware", "マルウェア感染", "malware"
    insider = "insider", "内部不正", "insider"


class Band(Vocabulary):
    """ENISA (2013) severity bands of SE."""

    low = "low", "低", "low"
    medium = "medium", "中", "medium"
    high = "high", "高", "high"
    very_high = "very_high", "非常に高い", "very high"


@dataclass
class Selection:
    partner: str | None = None
    items: list[str] = field(default_factory=list)
    department: str | None = None
    flows: list[str] = field(default_factory=list)


@dataclass
class Incident:
    selection: Selection
    cause: str
    discovered: dt.date
    records: int | None = None
    malicious: bool = False
    encrypted: bool = False


@dataclass
class IncidentAssessment:
    incident: Incident
    items: pd.DataFrame
    flows: pd.DataFrame
    partners: list[str]
    people: int
    subjects: list[str]
    enisa: dict[str, Any]
    appi: dict[str, Any]
    my_number: dict[str, Any]
    warnings: list[str] = field(default_factory=list)  # e.g. a discovery date in the future

    def as_dict(self) -> dict[str, Any]:
        return {
            "cause": self.incident.cause,
            "discovered": self.incident.discovered.isoformat(),
            "people": self.people,
            "subjects": self.subjects,
            "items": self.items[
                ["item_id", "name_ja", "category", "special_care", "my_number", "property_damage"]
            ].to_dict("records"),
            "flows": self.flows["flow_id"].tolist(),
            "partners": self.partners,
            "enisa": self.enisa,
            "appi_26": self.appi,
            "my_number": self.my_number,
            "warnings": self.warnings,
        }


def _unknown(kind: str, given: str, known: pd.Series, names: pd.Series | None = None) -> UsageError:
    pool = list(known.astype(str)) + ([] if names is None else list(names.astype(str)))
    near = difflib.get_close_matches(given, pool, n=5, cutoff=0.4)
    if names is not None:  # a name was close: show its id
        by_name = dict(zip(names.astype(str), known.astype(str), strict=True))
        near = [f"{by_name[n]} ({n})" if n in by_name else n for n in near]
    hint = f"; did you mean: {', '.join(near)}" if near else ""
    return UsageError(f"unknown {kind} {given!r}{hint}")


def affected(inv: Inventory, sel: Selection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The items and outbound flows an incident touches."""
    flows = inv.flows.iloc[0:0]
    item_ids: set[str] = set()
    if sel.partner:
        if sel.partner not in set(inv.partners["partner_id"]):
            raise _unknown("partner", sel.partner, inv.partners["partner_id"], inv.partners["name"])
        flows = inv.flows[
            (inv.flows["partner_id"] == sel.partner) & (inv.flows["direction"] == Direction.out)
        ]
        item_ids |= set(flows["item_id"])
    for fid in sel.flows:
        if fid not in set(inv.flows["flow_id"]):
            raise _unknown("flow", fid, inv.flows["flow_id"])
    if sel.flows:
        chosen = inv.flows[inv.flows["flow_id"].isin(sel.flows)]
        flows = pd.concat([flows, chosen]).drop_duplicates("flow_id")
        item_ids |= set(chosen["item_id"])
    for iid in sel.items:
        if iid not in set(inv.items["item_id"]):
            raise _unknown("item", iid, inv.items["item_id"], inv.items["name_ja"])
    item_ids |= set(sel.items)
    if sel.department:
        if sel.department not in set(inv.departments["department_id"]):
            raise _unknown(
                "department", sel.department, inv.departments["department_id"], inv.departments["name"]
            )
        item_ids |= set(inv.items.loc[inv.items["department_id"] == sel.department, "item_id"])
    if not item_ids:
        raise UsageError(
            "the incident touches no data: give --partner, --item, --department or --flow (with data)"
        )
    items = inv.items[inv.items["item_id"].isin(item_ids)].reset_index(drop=True)
    return items, flows.reset_index(drop=True)


def people_affected(items: pd.DataFrame, flows: pd.DataFrame, given: int | None) -> int:
    """--records when given; else the largest population among the affected flows (or items). The same
    people appear in several items, so counts are not added up."""
    if given is not None:
        return int(given)
    if len(flows):
        per_flow = flows["records"].fillna(flows["item_id"].map(items.set_index("item_id")["records"]))
        return int(per_flow.fillna(0).max())
    return int(items["records"].fillna(0).max())


def enisa_severity(items: pd.DataFrame, inc: Incident, section: Breach) -> dict[str, Any]:
    """SE = DPC × EI + CB, each component with the rule that set it."""
    e = section.enisa
    types = items["category"].map(e.category_dpc).fillna("simple")
    dpc_each = types.map(e.dpc_base).astype(float)
    top = int(dpc_each.idxmax())
    dpc = float(dpc_each.max())
    dpc_rule = f"{types.iloc[top]} data ({items['name_ja'].iloc[top]}): base {dpc:g}"
    vul = e.vulnerable_subjects
    if vul and items["subjects"].isin(vul.subjects).any() and dpc < 4:
        dpc = min(4.0, dpc + vul.add)
        dpc_rule += f"; vulnerable individuals +{vul.add}"
    ident = items["identifiability"].fillna("maximum").map(e.ei).astype(float)
    ei = float(ident.max())
    ei_rule = f"ease of identification {items['identifiability'].fillna('maximum').iloc[int(ident.idxmax())]} = {ei:g}"
    circ = e.causes.get(inc.cause) if inc.cause != "source" else None
    if circ is None or isinstance(circ, str):
        raise UsageError(f"--cause: {inc.cause!r}; expected one of {', '.join(Cause.codes())}")
    cb_parts = {
        "confidentiality": e.cb.confidentiality[circ.confidentiality],
        "integrity": e.cb.integrity[circ.integrity],
        "availability": e.cb.availability[circ.availability],
        "malicious": e.cb.malicious if (inc.malicious or circ.malicious) else 0.0,
    }
    cb = float(sum(cb_parts.values()))
    se = round(dpc * ei + cb, 4)
    band = Band.low
    for name in (Band.medium, Band.high, Band.very_high):
        if se >= getattr(e.bands, name):
            band = name
    return {
        "dpc": dpc, "dpc_rule": dpc_rule, "ei": ei, "ei_rule": ei_rule,
        "cb": cb, "cb_parts": cb_parts, "cb_rule": f"cause {inc.cause}: {circ.model_dump()}",
        "se": se, "band": str(band), "band_ja": band.ja,
        "flags": {"over_100_people": None, "unintelligible": inc.encrypted},
        "source": e.source,
    }  # fmt: skip


def report_deadlines(discovered: dt.date, unlawful: bool, section: Breach) -> dict[str, str]:
    """速報 guidance window and 確報 deadline, counted from the day the business learned of the event
    (the first day is not counted: Civil Code Art.140)."""
    a = section.appi
    first, last = a.preliminary_days
    final = a.final_days_unlawful if unlawful else a.final_days
    if discovered > dt.date.max - dt.timedelta(days=max(first, last, final)):
        raise UsageError(
            t("incident.date_overflow", date=discovered.isoformat(), days=max(first, last, final))
        )
    return {
        "preliminary_from": (discovered + dt.timedelta(days=first)).isoformat(),
        "preliminary_by": (discovered + dt.timedelta(days=last)).isoformat(),
        "final_by": (discovered + dt.timedelta(days=final)).isoformat(),
        "final_days": final,
    }


def appi_duty(items: pd.DataFrame, people: int, inc: Incident, section: Breach) -> dict[str, Any]:
    a = section.appi
    unlawful = inc.malicious or inc.cause in a.unlawful_causes
    triggers = {
        "i_special_care": bool(items["special_care"].fillna(False).any()),
        "ii_financial_damage": bool(items["property_damage"].fillna(False).any()),
        "iii_unlawful_purpose": bool(unlawful),
        "iv_over_1000_people": people > a.people_threshold,
    }
    fired = [k for k, v in triggers.items() if v]
    required = bool(fired) and not inc.encrypted
    out: dict[str, Any] = {
        "report_required": required,
        "notify_individuals": required,
        "triggers": triggers,
        "fired": fired,
        "exempt_by_encryption": bool(fired) and inc.encrypted,
        "source": a.source,
    }
    if required:
        out["deadlines"] = report_deadlines(inc.discovered, triggers["iii_unlawful_purpose"], section)
    return out


def my_number_duty(items: pd.DataFrame, people: int, inc: Incident, section: Breach) -> dict[str, Any]:
    m = section.my_number
    involved = bool(items["my_number"].fillna(False).any())
    if not involved:
        return {"involved": False}
    unlawful = inc.malicious or inc.cause in section.appi.unlawful_causes
    many = people > m.people_threshold
    required = (unlawful or many) and not inc.encrypted
    return {
        "involved": True,
        "report_required": required,
        "triggers": {"unlawful_purpose": unlawful, f"over_{m.people_threshold}_people": many},
        "note": "特定個人情報を含む: 番号法の漏えい等報告の対象か確認（個人情報保護委員会）",
        "source": m.source,
    }


def earliest_record(inv: Inventory) -> tuple[dt.date, str] | None:
    """The earliest date the ledger records anywhere (a contract, an inspection, the policy, …) and
    where: an incident discovered before it is most likely a mistyped date."""
    found: list[tuple[dt.date, str]] = []
    for table in TABLES:
        df = inv.table(table.name)
        for col in table.columns:
            if col.kind == "date" and col.name in df and df[col.name].notna().any():
                found.append((df[col.name].min().date(), f"{table.file} {col.name}"))
    for fld in ORGANISATION_FIELDS:
        value = inv.org(fld.path)
        if fld.kind == "date" and isinstance(value, dt.date):
            found.append(
                (
                    value if not isinstance(value, dt.datetime) else value.date(),
                    f"organisation.yaml {fld.path}",
                )
            )
    return min(found) if found else None


def date_warnings(inv: Inventory, discovered: dt.date, today: dt.date | None = None) -> list[str]:
    """Warnings about a discovery date that is in the future or before anything the ledger records."""
    today = today or dt.date.today()
    out = []
    if discovered > today:
        out.append(t("incident.future", date=discovered.isoformat(), today=today.isoformat()))
    first = earliest_record(inv)
    if first is not None and discovered < first[0]:
        out.append(
            t(
                "incident.before_ledger",
                date=discovered.isoformat(),
                first=first[0].isoformat(),
                where=first[1],
            )
        )
    return out


def assess_incident(inv: Inventory, model: RiskModel, inc: Incident) -> IncidentAssessment:
    if inc.cause not in Cause.codes():
        raise UsageError(f"--cause: {inc.cause!r}; expected one of {', '.join(Cause.codes())}")
    if inc.records is not None and inc.records < 0:
        raise UsageError(f"--records: {inc.records}; expected a whole number ≥ 0")
    section = model.breach
    items, flows = affected(inv, inc.selection)
    people = people_affected(items, flows, inc.records)
    enisa = enisa_severity(items, inc, section)
    enisa["flags"]["over_100_people"] = people > 100
    partners = sorted(
        set(flows["partner_id"]) | ({inc.selection.partner} if inc.selection.partner else set())
    )
    subjects = sorted(set(items["subjects"].dropna()))
    return IncidentAssessment(inc, items, flows, partners, people, subjects, enisa,
                      appi_duty(items, people, inc, section), my_number_duty(items, people, inc, section),
                      date_warnings(inv, inc.discovered))  # fmt: skip


def report_markdown(a: IncidentAssessment, inv: Inventory) -> str:
    """The drafted facts for the PPC report (PPC Rules Art.8(1) items), for the privacy office to complete."""
    inc = a.incident
    names = inv.partners.set_index("partner_id")["name"]
    lines = [
        f"# 漏えい等事案の報告（案） — {inv.org('name')}",
        "",
        "本書は個人情報管理台帳から自動で作成した下書きです。【要記入】の箇所を確認・補記してください。",
        "",
        "## 判定",
        f"- 個人情報保護委員会への報告・本人への通知: **{'必要' if a.appi['report_required'] else '不要'}**",
    ]
    for k in a.appi["fired"]:
        lines.append(f"  - {t(f'incident.trigger.{k}', 'ja')}")
    if a.appi["exempt_by_encryption"]:
        lines.append("  - 高度な暗号化等の措置が講じられ、鍵が漏えいしていないため報告対象外（規則7条柱書）")
    if a.appi.get("deadlines"):
        d = a.appi["deadlines"]
        lines += [f"- 速報: 速やかに（目安 {d['preliminary_from']}〜{d['preliminary_by']}）",
                  f"- 確報: {d['final_by']} まで（知った日から{d['final_days']}日以内）"]  # fmt: skip
    if a.my_number.get("involved"):
        lines.append(
            f"- 特定個人情報: 含む（番号法上の報告: {'必要' if a.my_number['report_required'] else '要確認'}）"
        )
    e = a.enisa
    lines += [
        f"- 重大度（ENISA）: SE = DPC {e['dpc']:g} × EI {e['ei']:g} + CB {e['cb']:g} = **{e['se']:g}（{e['band_ja']}）**",
        "",
        "## 報告事項（規則8条1項）",
        f"1. 概要: {inc.discovered.isoformat()} に発覚。原因: {inc.cause}。【経緯を記入】",
        "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目: " + "、".join(a.items["name_ja"]),
        f"3. 本人の数: {a.people:,}人（{'、'.join(a.subjects)}）",
        f"4. 原因: {inc.cause}{'（不正の目的のおそれ）' if a.appi['triggers']['iii_unlawful_purpose'] else ''}。【詳細を記入】",
        "5. 二次被害又はそのおそれの有無及びその内容: 【要記入】",
        "6. 本人への対応の実施状況: 【要記入】",
        "7. 公表の実施状況: 【要記入】",
        "8. 再発防止のための措置: 【要記入】",
        "9. その他参考となる事項: 関係する提供先 "
        + ("、".join(f"{p} {names.get(p, '')}" for p in a.partners) or "なし"),
    ]
    return "\n".join(lines) + "\n"
