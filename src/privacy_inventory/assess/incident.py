"""Breach triage: what an incident exposed, how severe it is (ENISA 2013), and whether the APPI (Art.26)
and the My Number Act (Art.29-4) require a report to the PPC and notice to the people, and by when.

- Circumstances (ENISA): loss of confidentiality, integrity, availability, malicious intent. The cause
  only gives their defaults (risk_model.yaml, breach.enisa.causes); an incident may state its own.
- Context adjustments (ENISA): the DPC raised or lowered for the volume or nature of the data, the EI
  capped for pseudonymised data; each quoted with the method's rule (texts.py) and its amount
  (risk_model.yaml, breach.enisa.adjustments).
- Not a leak: every copy recovered before a third party saw it (a parcel returned unopened, a mis-sent
  e-mail deleted unread, a page nobody opened per the access log) is not a 漏えい (PPC GL 通則編 3-5-1-1,
  Q&A 6-1): no duty under either law, and the output says why.
- APPI: PPC Rules Art.7 (i)–(iv), advanced encryption exempts; 速報 promptly (guidance 3–5 days), 確報 in
  30 days, 60 for (iii) (Art.8(1), (2)); notice to the people Art.26(2).
- My Number: 番号法29条の4 and the PPC rules on reporting leaks of 特定個人情報 (平成27年特定個人情報保護委員会
  規則第5号) Art.2 (i) network, (ii) unlawful purpose, (iii) viewable by unspecified persons, (iv) more
  than 100 people [item number unconfirmed]; encryption exempts; Art.3 timing [unconfirmed: taken to
  mirror APPI's]. The sources and what is unconfirmed are in risk_model.yaml.

Every number comes from the `breach` section of risk_model.yaml; every sentence from texts.py.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import ConfigError, UsageError
from ..i18n import both, label, t
from ..ledger.inventory import Inventory
from ..ledger.schema import (
    ORGANISATION_FIELDS,
    TABLES,
    Adjustment,
    Availability,
    Band,
    Cause,
    Confidentiality,
    Direction,
    Duty,
    Identifiability,
    Integrity,
    Subject,
)
from ..ledger.validate import choices
from .model import MODEL_FILE, Breach, Circumstances, EnisaType, RiskModel

__all__ = [
    "Adjustment",
    "Band",
    "Cause",
    "Duty",
    "Incident",
    "IncidentAssessment",
    "Selection",
    "affected",
    "assess_incident",
    "enisa_severity",
    "report_deadlines",
    "report_markdown",
]

CIRCUMSTANCES = ("confidentiality", "integrity", "availability")
LEVELS = {"confidentiality": Confidentiality, "integrity": Integrity, "availability": Availability}


@dataclass
class Selection:
    partner: str | None = None
    items: list[str] = field(default_factory=list)
    department: str | None = None
    flows: list[str] = field(default_factory=list)


@dataclass
class Incident:
    """What is known of an incident. A circumstance left None takes the cause's default."""

    selection: Selection
    cause: str
    discovered: dt.date
    records: int | None = None
    malicious: bool | None = None  # malicious intent / unlawful purpose; None: the cause's default
    encrypted: bool = False  # advanced encryption, key not leaked (PPC Rules Art.7; MN rules Art.2(i))
    confidentiality: str | None = None
    integrity: str | None = None
    availability: str | None = None
    publicly_viewable: bool | None = None  # viewable by unspecified persons (MN rules Art.2(iii))
    recovered_unread: bool = False  # every copy recovered before anyone saw it (GL 3-5-1-1)
    mn_network: bool = False  # My Number data of the information-provision network (MN rules Art.2(i))
    adjustments: tuple[str, ...] = ()  # ENISA context adjustments (Adjustment codes)
    my_number_people: int | None = None  # people whose 個人番号 leaked, when fewer than `records`
    occurred: dt.date | None = None


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

    @property
    def report_required(self) -> bool:
        """A report is due under the APPI, the My Number Act, or both."""
        return bool(self.appi["report_required"] or self.my_number.get("report_required"))

    @property
    def duties(self) -> dict[str, str]:
        return {"appi": self.appi["duty"], "my_number": self.my_number.get("duty", Duty.not_involved.value)}

    def as_dict(self) -> dict[str, Any]:
        """Machine-readable: every code as a code (cause, levels, duties, triggers), dates as ISO text."""
        return {
            "cause": self.incident.cause,
            "discovered": self.incident.discovered.isoformat(),
            "report_required": self.report_required,
            "duties": self.duties,
            "people": self.people,
            "subjects": self.subjects,
            "items": self.items[
                ["item_id", "name_ja", "category", "special_care", "my_number", "property_damage"]
            ].to_dict("records"),
            "flows": self.flows["flow_id"].tolist(),
            "partners": self.partners,
            "circumstances": self.enisa["circumstances"],
            "adjustments": list(self.incident.adjustments),
            "enisa": self.enisa,
            "appi_26": self.appi,
            "my_number": self.my_number,
            "warnings": self.warnings,
        }


# --- what is affected --------------------------------------------------------------------------------


def _unknown(kind: str, given: str, known: pd.Series, names: pd.Series | None = None) -> UsageError:
    pool = list(known.astype(str)) + ([] if names is None else list(names.astype(str)))
    near = difflib.get_close_matches(given, pool, n=5, cutoff=0.4)
    if names is not None:  # a name was close: show its id
        by_name = dict(zip(names.astype(str), known.astype(str), strict=True))
        near = [f"{by_name[n]} ({n})" if n in by_name else n for n in near]
    hint = t("incident.error.did_you_mean", near=", ".join(near)) if near else ""
    return UsageError(
        t("incident.error.unknown", kind=t(f"incident.error.kind.{kind}"), given=given, hint=hint)
    )


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
        raise UsageError(t("incident.error.no_data"))
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


# --- circumstances and ENISA severity ----------------------------------------------------------------


def _need(value: Any, key: str, what: str) -> Any:
    """A value the triage needs from risk_model.yaml that an older file may lack: a ConfigError naming it."""
    if value is None:
        raise ConfigError(MODEL_FILE, key, None, t("model.expected.need", what=what))
    return value


def cause_defaults(cause: str, section: Breach) -> Circumstances:
    if cause not in Cause.codes():
        raise UsageError(t("incident.error.option", option="--cause", given=cause, choices=choices(Cause)))
    circ = section.enisa.causes.get(cause)
    return _need(circ, f"breach.enisa.causes.{cause}", t("incident.need.circumstances"))


def circumstances(inc: Incident, section: Breach) -> dict[str, Any]:
    """The incident's circumstances: each stated one, else the cause's default. Recovered unread means
    nothing was seen: no loss of confidentiality, nothing viewable."""
    default = cause_defaults(inc.cause, section)
    out: dict[str, Any] = {}
    from_cause: list[str] = []
    for kind in (*CIRCUMSTANCES, "malicious", "publicly_viewable"):
        given = getattr(inc, kind)
        if given is not None and kind in LEVELS and given not in LEVELS[kind].codes():
            raise UsageError(
                t("incident.error.option", option=f"--{kind}", given=given, choices=choices(LEVELS[kind]))
            )
        out[kind] = getattr(default, kind) if given is None else given
        if given is None:
            from_cause.append(kind)
    if inc.recovered_unread:
        if inc.confidentiality not in (None, Confidentiality.none, Confidentiality.exposed):
            raise UsageError(t("incident.error.recovered_unread", confidentiality=inc.confidentiality))
        out["confidentiality"] = Confidentiality.none
        out["publicly_viewable"] = False
        from_cause = [k for k in from_cause if k not in ("confidentiality", "publicly_viewable")]
    out["malicious"] = bool(out["malicious"])
    out["publicly_viewable"] = bool(out["publicly_viewable"])
    out["recovered_unread"] = bool(inc.recovered_unread)
    out["encrypted"] = bool(inc.encrypted)
    out["from_cause"] = from_cause
    return {k: str(v) if k in LEVELS else v for k, v in out.items()}


def _adjustment(code: str, section: Breach):
    if code not in Adjustment.codes():
        raise UsageError(
            t("incident.error.option", option="--adjust", given=code, choices=choices(Adjustment))
        )
    table = _need(section.enisa.adjustments, "breach.enisa.adjustments", t("incident.need.adjustments"))
    return _need(getattr(table, code), f"breach.enisa.adjustments.{code}", t("incident.need.amounts"))


def _join(parts: list[tuple[str, str]]) -> tuple[str, str]:
    return t("reason.sep", "ja").join(p[0] for p in parts), t("reason.sep", "en").join(p[1] for p in parts)


def enisa_severity(
    items: pd.DataFrame, inc: Incident, section: Breach, circ: dict[str, Any] | None = None
) -> dict[str, Any]:
    """SE = DPC × EI + CB, each component with the rule that set it (in Japanese and English)."""
    e = section.enisa
    circ = circ or circumstances(inc, section)
    adjustments = [(code, _adjustment(code, section)) for code in dict.fromkeys(inc.adjustments)]

    # DPC: each item's type scored and adjusted, the highest kept (ENISA: "the highest of the breached data")
    types = items["category"].map(e.category_dpc).fillna(EnisaType.simple).astype(str)
    base = types.map({str(k): v for k, v in e.dpc_base.items()}).astype(float)
    delta = pd.Series(0.0, index=items.index)
    for _, adj in adjustments:
        delta += types.map({str(k): v for k, v in adj.dpc.items()}).fillna(0).astype(float)
    each = (base + delta).clip(1, 4)
    top = int(each.idxmax())
    dpc = float(each.iloc[top])
    top_type, top_item = types.iloc[top], items["name_ja"].iloc[top]
    top_type_ja, top_type_en = label(top_type, EnisaType, "ja"), label(top_type, EnisaType, "en")
    steps: list[dict[str, Any]] = []
    parts = [
        both(
            "enisa.dpc.base",
            type_ja=top_type_ja,
            type_en=top_type_en,
            item=top_item,
            base=f"{base.iloc[top]:g}",
        )
    ]
    for code, adj in adjustments:
        amount = adj.dpc.get(EnisaType(top_type))
        if amount is not None:
            steps.append({"adjustment": code, "delta": amount})
            parts.append(_adjust_text(code, f"{top_type_ja} {amount:+d}", f"{top_type_en} {amount:+d}"))
        elif adj.dpc:  # e.g. a financial-only adjustment on behavioural data: said, not applied
            parts.append(_adjust_text(code, top_type_ja, top_type_en, key="enisa.not_applicable"))
    if (base.iloc[top] + delta.iloc[top]) != dpc:
        parts.append(both("enisa.dpc.clamped", dpc=f"{dpc:g}"))
    vul = e.vulnerable_subjects
    hit = (
        items["subjects"].isin([str(s) for s in vul.subjects]) if vul else pd.Series(False, index=items.index)
    )
    if vul and hit.any() and dpc < 4:
        dpc = min(4.0, dpc + vul.add)
        who = sorted(set(items.loc[hit, "subjects"]))
        steps.append({"adjustment": "vulnerable_subjects", "delta": vul.add})
        parts.append(both("enisa.dpc.vulnerable", add=vul.add, dpc=f"{dpc:g}",
                            who_ja="、".join(label(s, Subject, "ja") for s in who),
                            who_en=", ".join(label(s, Subject, "en") for s in who)))  # fmt: skip
    dpc_ja, dpc_en = _join(parts)

    # EI: the easiest identification among the breached items, capped where the incident says so
    order = Identifiability.codes()
    levels = items["identifiability"].fillna(Identifiability.maximum).astype(str)
    cap = None
    for _, adj in adjustments:
        if adj.ei_at_most is not None:
            cap = min(cap, str(adj.ei_at_most), key=order.index) if cap else str(adj.ei_at_most)
    capped = levels.map(lambda lv: min(lv, cap, key=order.index) if cap else lv)
    values = capped.map({str(k): v for k, v in e.ei.items()}).astype(float)
    at = int(values.idxmax())
    ei, ei_level = float(values.iloc[at]), capped.iloc[at]
    ei_parts = [
        both(
            "enisa.ei.level",
            level_ja=label(levels.iloc[at], Identifiability, "ja"),
            level_en=label(levels.iloc[at], Identifiability, "en"),
            item=items["name_ja"].iloc[at],
            ei=f"{e.ei[Identifiability(levels.iloc[at])]:g}",
        )
    ]
    if cap is not None:
        code = next(c for c, a in adjustments if a.ei_at_most is not None)
        ei_parts.append(_adjust_text(code, label(cap, Identifiability, "ja"), label(cap, Identifiability, "en"),
                                     key="enisa.ei.capped", ei=f"{ei:g}"))  # fmt: skip
    ei_ja, ei_en = _join(ei_parts)

    # CB: the sum of the circumstances' points
    cb_parts = {kind: float(getattr(e.cb, kind)[circ[kind]]) for kind in CIRCUMSTANCES}
    cb_parts["malicious"] = float(e.cb.malicious) if circ["malicious"] else 0.0
    cb = float(sum(cb_parts.values()))
    cb_texts = []
    for kind in (*CIRCUMSTANCES, "malicious"):
        level_ja, level_en = (
            both("enisa.cb.yes" if circ["malicious"] else "enisa.cb.no")
            if kind == "malicious"
            else (label(circ[kind], LEVELS[kind], "ja"), label(circ[kind], LEVELS[kind], "en"))
        )
        ja, en = both(f"enisa.cb.{kind}")
        cb_texts.append(
            (
                t("enisa.cb.part", "ja", what=ja, level=level_ja, points=f"{cb_parts[kind]:g}"),
                t("enisa.cb.part", "en", what=en, level=level_en, points=f"{cb_parts[kind]:g}"),
            )
        )
    defaults = [k for k in (*CIRCUMSTANCES, "malicious") if k in circ["from_cause"]]
    if defaults:
        cb_texts.append(
            both(
                "enisa.cb.default",
                what_ja="・".join(t(f"enisa.cb.{k}", "ja") for k in defaults),
                what_en=", ".join(t(f"enisa.cb.{k}", "en") for k in defaults),
                cause_ja=label(inc.cause, Cause, "ja"),
                cause_en=label(inc.cause, Cause, "en"),
            )
        )
    cb_ja, cb_en = _join(cb_texts)

    se = round(dpc * ei + cb, 4)
    band = Band.low
    for name in (Band.medium, Band.high, Band.very_high):
        if se >= getattr(e.bands, name):
            band = name
    return {
        "dpc": dpc, "dpc_type": top_type, "dpc_steps": steps, "dpc_rule": dpc_en, "dpc_rule_ja": dpc_ja,
        "ei": ei, "ei_level": ei_level, "ei_rule": ei_en, "ei_rule_ja": ei_ja,
        "cb": cb, "cb_parts": cb_parts, "cb_rule": cb_en, "cb_rule_ja": cb_ja,
        "circumstances": {k: v for k, v in circ.items() if k != "from_cause"},
        "circumstances_from_cause": circ["from_cause"],
        "adjustments": [code for code, _ in adjustments],
        "se": se, "band": str(band), "band_ja": band.ja, "band_en": band.en,
        "flags": {"over_100_people": None, "unintelligible": inc.encrypted,
                  "not_a_leak": bool(inc.recovered_unread)},
        "source": e.source,
    }  # fmt: skip


def _adjust_text(
    code: str, amount_ja: str, amount_en: str | None = None, key: str = "enisa.adjusted", **values: Any
) -> tuple[str, str]:
    """An adjustment with the method's rule quoted: 「label」: rule → amount."""
    return (
        t(
            key,
            "ja",
            what=label(code, Adjustment, "ja"),
            rule=t(f"enisa.adjust.{code}", "ja"),
            amount=amount_ja,
            **values,
        ),
        t(
            key,
            "en",
            what=label(code, Adjustment, "en"),
            rule=t(f"enisa.adjust.{code}", "en"),
            amount=amount_en or amount_ja,
            **values,
        ),
    )


# --- duties: APPI Art.26 and My Number Act Art.29-4 --------------------------------------------------


def _dates(discovered: dt.date, preliminary: list[int], final: int) -> dict[str, Any]:
    first, last = preliminary
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


def report_deadlines(discovered: dt.date, unlawful: bool, section: Breach) -> dict[str, Any]:
    """APPI: 速報 guidance window and 確報 deadline, counted from the day the business learned of the event
    (the first day is not counted: Civil Code Art.140)."""
    a = section.appi
    return _dates(discovered, a.preliminary_days, a.final_days_unlawful if unlawful else a.final_days)


def my_number_deadlines(discovered: dt.date, unlawful: bool, section: Breach) -> dict[str, Any]:
    """My Number: the same reckoning under the My Number breach rules Art.3 (days: risk_model.yaml,
    unconfirmed there)."""
    m = section.my_number
    prelim = _need(m.preliminary_days, "breach.my_number.preliminary_days", t("incident.need.preliminary"))
    final = (
        _need(
            m.final_days_unlawful,
            "breach.my_number.final_days_unlawful",
            t("incident.need.final_unlawful"),
        )
        if unlawful
        else _need(m.final_days, "breach.my_number.final_days", t("incident.need.final"))
    )
    return _dates(discovered, prelim, final)


def _duty(fired: list[str], circ: dict[str, Any]) -> Duty:
    if circ["recovered_unread"]:
        return Duty.not_a_leak
    if not fired:
        return Duty.not_reportable
    return Duty.exempt_encrypted if circ["encrypted"] else Duty.required


def _notice_by(inc: Incident, section: Breach) -> str:
    days = _need(section.appi.notice_days, "breach.appi.notice_days", t("incident.need.notice"))
    return (inc.discovered + dt.timedelta(days=days)).isoformat()


def appi_duty(
    items: pd.DataFrame, people: int, inc: Incident, section: Breach, circ: dict[str, Any] | None = None
) -> dict[str, Any]:
    a = section.appi
    circ = circ or circumstances(inc, section)
    triggers = {
        "i_special_care": bool(items["special_care"].fillna(False).any()),
        "ii_financial_damage": bool(items["property_damage"].fillna(False).any()),
        "iii_unlawful_purpose": bool(circ["malicious"]),
        "iv_over_1000_people": people > a.people_threshold,
    }
    fired = [k for k, v in triggers.items() if v]
    duty = _duty(fired, circ)
    required = duty == Duty.required
    out: dict[str, Any] = {
        "duty": str(duty),
        "report_required": required,
        "notify_individuals": required,
        "triggers": triggers,
        "fired": fired,
        "exempt_by_encryption": duty == Duty.exempt_encrypted,
        "not_a_leak": duty == Duty.not_a_leak,
        "source": a.source,
    }
    if required:
        out["deadlines"] = report_deadlines(inc.discovered, triggers["iii_unlawful_purpose"], section)
        out["notice_by"] = _notice_by(inc, section)
    return out


def my_number_duty(
    items: pd.DataFrame, people: int, inc: Incident, section: Breach, circ: dict[str, Any] | None = None
) -> dict[str, Any]:
    """番号法29条の4: its own triggers (MN rules Art.2), encryption exemption and dates; only when the
    incident touches 特定個人情報."""
    m = section.my_number
    if not bool(items["my_number"].fillna(False).any()):
        return {"involved": False}
    circ = circ or circumstances(inc, section)
    mn_people = people if inc.my_number_people is None else int(inc.my_number_people)
    triggers = {
        "i_network": bool(inc.mn_network),
        "ii_unlawful_purpose": bool(circ["malicious"]),
        "iii_publicly_viewable": bool(circ["publicly_viewable"]),
        "iv_over_100_people": mn_people > m.people_threshold,
    }
    fired = [k for k, v in triggers.items() if v]
    duty = _duty(fired, circ)
    required = duty == Duty.required
    out: dict[str, Any] = {
        "involved": True,
        "duty": str(duty),
        "report_required": required,
        "notify_individuals": required,
        "people": mn_people,
        "triggers": triggers,
        "fired": fired,
        "exempt_by_encryption": duty == Duty.exempt_encrypted,
        "not_a_leak": duty == Duty.not_a_leak,
        "source": m.source,
    }
    if required:
        out["deadlines"] = my_number_deadlines(inc.discovered, triggers["ii_unlawful_purpose"], section)
        out["notice_by"] = _notice_by(inc, section)
    return out


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
        raise UsageError(
            t("incident.error.option", option="--cause", given=inc.cause, choices=choices(Cause))
        )
    for name in ("records", "my_number_people"):
        value = getattr(inc, name)
        if value is not None and value < 0:
            raise UsageError(t("incident.error.negative", option=f"--{name.replace('_', '-')}", value=value))
    section = model.breach
    items, flows = affected(inv, inc.selection)
    people = people_affected(items, flows, inc.records)
    circ = circumstances(inc, section)
    enisa = enisa_severity(items, inc, section, circ)
    enisa["flags"]["over_100_people"] = people > 100
    partners = sorted(
        set(flows["partner_id"]) | ({inc.selection.partner} if inc.selection.partner else set())
    )
    subjects = sorted(set(items["subjects"].dropna()))
    return IncidentAssessment(inc, items, flows, partners, people, subjects, enisa,
                              appi_duty(items, people, inc, section, circ),
                              my_number_duty(items, people, inc, section, circ),
                              date_warnings(inv, inc.discovered) + consistency_warnings(inc, people))  # fmt: skip


def consistency_warnings(inc: Incident, people: int) -> list[str]:
    """What the incident's own figures contradict: more My Number people than people, a leak that
    happened after it was discovered."""
    out = []
    if inc.my_number_people is not None and inc.my_number_people > people:
        out.append(t("incident.more_my_number_people", my_number=inc.my_number_people, people=people))
    if inc.occurred is not None and inc.occurred > inc.discovered:
        out.append(t("incident.occurred_after", occurred=inc.occurred.isoformat(),
                     discovered=inc.discovered.isoformat()))  # fmt: skip
    return out


# --- what people read --------------------------------------------------------------------------------


def duty_lines(a: IncidentAssessment, lang: str) -> list[str]:
    """The verdict of each law with its reasons and dates, one line each (indented lines are details)."""
    lines: list[str] = []
    for law, d, trigger_key in (
        ("appi", a.appi, "incident.trigger"),
        ("mn", a.my_number, "incident.mn_trigger"),
    ):
        if law == "mn" and not d.get("involved"):
            continue
        duty = Duty(d["duty"])
        lines.append(t(f"incident.{law}", lang) + t("incident.colon", lang) + duty.label(lang))
        if duty == Duty.not_a_leak:
            lines.append("  " + t("incident.why.not_a_leak", lang))
            continue
        for k in d["fired"]:
            lines.append("  - " + t(f"{trigger_key}.{k}", lang))
        if duty == Duty.not_reportable:
            lines.append(
                "  " + t(f"incident.why.not_reportable_{law}", lang, people=f"{d.get('people', a.people):,}")
            )
        if duty == Duty.exempt_encrypted:
            lines.append("  " + t(f"incident.why.encrypted_{law}", lang))
        if d.get("deadlines"):
            dl = d["deadlines"]
            lines.append(
                "  " + t("incident.preliminary", lang, start=dl["preliminary_from"], end=dl["preliminary_by"])
            )
            lines.append("  " + t("incident.final", lang, date=dl["final_by"], days=dl["final_days"]))
            lines.append("  " + t("incident.notice", lang, date=d["notice_by"]))
            if law == "mn":
                lines.append("  " + t("incident.mn_days_unconfirmed", lang))
    return lines  # fmt: skip


def verdict(a: IncidentAssessment, lang: str) -> str:
    laws = [
        t(f"incident.law.{k}", lang)
        for k, d in (("appi", a.appi), ("mn", a.my_number))
        if d.get("report_required")
    ]
    if laws:
        return t("incident.required_by", lang, laws=t("reason.sep", lang).join(laws))
    if a.appi["not_a_leak"]:
        return t("incident.not_a_leak", lang)
    return t("incident.not_required", lang)  # fmt: skip


def circumstance_lines(a: IncidentAssessment, lang: str) -> list[str]:
    e = a.enisa
    c = e["circumstances"]
    lines = [e["cb_rule_ja" if lang == "ja" else "cb_rule"]]
    flags = [
        t(f"incident.flag.{k}", lang)
        for k in ("publicly_viewable", "recovered_unread", "encrypted")
        if c.get(k)
    ] + ([t("incident.flag.mn_network", lang)] if a.incident.mn_network else [])
    if flags:
        lines.append(t("reason.sep", lang).join(flags))
    return lines


def report_markdown(a: IncidentAssessment, inv: Inventory) -> str:
    """The drafted facts for the PPC report (PPC Rules Art.8(1) items; the My Number report asks the same),
    in Japanese, for the privacy office to complete."""
    inc = a.incident
    names = inv.partners.set_index("partner_id")["name"]
    e = a.enisa
    cause = label(inc.cause, Cause, "ja")
    lines = [
        f"# 漏えい等事案の報告（案） — {inv.org('name')}",
        "",
        "本書は個人情報管理台帳から自動で作成した下書きです。【要記入】の箇所を確認・補記してください。",
        "",
        "## 判定",
        f"- **{verdict(a, 'ja')}**",
    ]
    lines += [
        "  - " + line.strip().removeprefix("- ") if line.startswith(" ") else "- " + line
        for line in duty_lines(a, "ja")
    ]
    lines += [
        f"- 重大度（ENISA）: SE = DPC {e['dpc']:g} × EI {e['ei']:g} + CB {e['cb']:g} = **{e['se']:g}（{e['band_ja']}）**",
        f"  - DPC: {e['dpc_rule_ja']}",
        f"  - EI: {e['ei_rule_ja']}",
        f"  - CB: {e['cb_rule_ja']}",
    ]
    if a.appi["not_a_leak"]:
        lines.append("  - " + t("incident.se_if_read", "ja"))
    mn = a.my_number
    lines += [
        "",
        "## 報告事項（規則8条1項）",
        f"1. 概要: {inc.discovered.isoformat()} に発覚"
        + (f"（発生 {inc.occurred.isoformat()}）" if inc.occurred else "")
        + f"。原因: {cause}。【経緯を記入】",
        "2. 漏えい等が発生し、又は発生したおそれがある個人データの項目: " + "、".join(a.items["name_ja"]),
        f"3. 本人の数: {a.people:,}人（{'、'.join(label(s, Subject, 'ja') for s in a.subjects)}）"
        + (f"。うち個人番号 {mn['people']:,}人" if mn.get("involved") else ""),
        f"4. 原因: {cause}{'（不正の目的のおそれ）' if a.appi['triggers']['iii_unlawful_purpose'] else ''}。【詳細を記入】",
        "5. 二次被害又はそのおそれの有無及びその内容: 【要記入】",
        "6. 本人への対応の実施状況: 【要記入】",
        "7. 公表の実施状況: 【要記入】",
        "8. 再発防止のための措置: 【要記入】（再発防止の処置を台帳の改善処置に登録し、この事案の記録に関連付ける）",
        "9. その他参考となる事項: 関係する提供先 "
        + ("、".join(f"{p} {names.get(p, '')}" for p in a.partners) or "なし"),
    ]  # fmt: skip
    return "\n".join(lines) + "\n"
