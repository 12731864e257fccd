"""A plain, row-by-row reference implementation of the risk model, written from risk_model.yaml alone.

It shares no code with privacy_inventory.risk: the vectorised engine must equal it (test_risk.py), and
bench/bench_risk.py measures the engine's speed-up over it.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

FLOW_COLUMNS = ["flow_id", "severity", "likelihood", "score", "level", "residual_severity", "residual_likelihood",
                "residual_score", "residual_level", "whatif_level"]  # fmt: skip


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _clamp(v: int) -> int:
    return max(1, min(4, v))


def item_severity(item: dict, raw: dict) -> int:
    sev = raw["severity"]
    adj = sev.get("adjustments", {})
    total = sev["category_base"]["values"][item["category"]]
    for flag in ("special_care", "my_number", "property_damage"):
        if flag in adj and item.get(flag) is True:
            total += adj[flag]["add"]
    if "identifiability" in adj and not _missing(item.get("identifiability")):
        total += adj["identifiability"]["values"].get(item["identifiability"], 0)
    if "volume" in adj and not _missing(item.get("records")) and item["records"] > adj["volume"]["over"]:
        total += adj["volume"]["add"]
    return _clamp(total)


def _months(earlier: dt.date, as_of: dt.date) -> int:
    return (
        (as_of.year - earlier.year) * 12
        + (as_of.month - earlier.month)
        - (1 if as_of.day < earlier.day else 0)
    )


def flow_likelihood(flow: dict, partner: dict, raw: dict, as_of: dt.date) -> int:
    lik = raw["likelihood"]
    adj = lik.get("adjustments", {})
    kind = partner["kind"]
    total = lik["partner_kind_base"]["values"][kind]
    if "foreign_country" in adj:
        a = adj["foreign_country"]
        country = partner.get("country") or "JP"
        if country not in a.get("domestic", ["JP"]):
            total += a.get("equivalent_add", 0) if country in a.get("equivalent", []) else a["add"]
    if "channel" in adj and not _missing(flow.get("channel")):
        total += adj["channel"]["values"].get(flow["channel"], 0)
    if (
        "unencrypted" in adj
        and flow.get("channel") in adj["unencrypted"]["channels"]
        and flow.get("encrypted") is not True
    ):
        total += adj["unencrypted"]["add"]
    if (
        "no_contract" in adj
        and kind in adj["no_contract"]["kinds"]
        and _missing(partner.get("contract_date"))
    ):
        total += adj["no_contract"]["add"]
    if "inspection_overdue" in adj and kind in adj["inspection_overdue"]["kinds"]:
        last = partner.get("last_inspection")
        if _missing(last) or _months(last.date(), as_of) >= adj["inspection_overdue"]["interval_months"]:
            total += adj["inspection_overdue"]["add"]
    if "subcontracting_unknown" in adj and kind in adj["subcontracting_unknown"]["kinds"]:
        sub = partner.get("subcontracting")
        if _missing(sub) or sub == "unknown":
            total += adj["subcontracting_unknown"]["add"]
    return _clamp(total)


def _applies(scope: str, flow: dict, item: dict) -> bool:
    if scope == "all":
        return True
    kind, _, target = scope.partition(":")
    return {
        "item": flow["item_id"] == target,
        "partner": flow.get("partner_id") == target,
        "flow": flow.get("flow_id") == target,
        "department": item["department_id"] == target,
    }.get(kind, False)


def reductions(controls: list[dict], statuses: set[str], flow: dict, item: dict, cap: int) -> tuple[int, int]:
    sev = lik = 0
    for c in controls:
        effect = 0 if _missing(c.get("effect")) else int(c["effect"])
        if c["status"] in statuses and effect > 0 and _applies(c["applies_to"], flow, item):
            if c.get("reduces") == "severity":
                sev += effect
            elif c.get("reduces") == "likelihood":
                lik += effect
    return min(sev, cap), min(lik, cap)


def level(raw: dict, sev: int, lik: int) -> str:
    return raw["matrix"]["grid"][sev - 1][lik - 1]


def score_flows(inv, raw: dict, as_of: dt.date) -> pd.DataFrame:
    items = {r["item_id"]: r for r in inv.items.astype(object).to_dict("records")}
    partners = {r["partner_id"]: r for r in inv.partners.astype(object).to_dict("records")}
    controls = inv.controls.astype(object).to_dict("records")
    cap = raw["residual"]["max_reduction"]
    out = []
    for flow in inv.flows.astype(object).to_dict("records"):
        item, partner = items[flow["item_id"]], partners[flow["partner_id"]]
        sev = item_severity(item, raw)
        lik = flow_likelihood(flow, partner, raw, as_of)
        rs, rl = reductions(controls, {"implemented"}, flow, item, cap)
        ws, wl = reductions(controls, {"implemented", "planned"}, flow, item, cap)
        r_sev, r_lik = max(1, sev - rs), max(1, lik - rl)
        w_sev, w_lik = max(1, sev - ws), max(1, lik - wl)
        out.append(
            {
                "flow_id": flow["flow_id"],
                "severity": sev,
                "likelihood": lik,
                "score": sev * lik,
                "level": level(raw, sev, lik),
                "residual_severity": r_sev,
                "residual_likelihood": r_lik,
                "residual_score": r_sev * r_lik,
                "residual_level": level(raw, r_sev, r_lik),
                "whatif_level": level(raw, w_sev, w_lik),
            }
        )
    return pd.DataFrame(out, columns=FLOW_COLUMNS)


def score_items(inv, raw: dict, as_of: dt.date) -> pd.DataFrame:
    """Each item: its worst flow (level, then score), or its risk at rest when it has no flow."""
    flows = score_flows(inv, raw, as_of).merge(inv.flows[["flow_id", "item_id"]], on="flow_id")
    order = raw["matrix"]["levels"]
    controls = inv.controls.astype(object).to_dict("records")
    cap = raw["residual"]["max_reduction"]
    rest = raw["likelihood"]["partner_kind_base"]["values"]["internal"]
    out = []
    for item in inv.items.astype(object).to_dict("records"):
        sev = item_severity(item, raw)
        rs, rl = reductions(controls, {"implemented"}, {"item_id": item["item_id"]}, item, cap)
        best = (order.index(level(raw, sev, rest)), sev * rest)
        r_sev, r_lik = max(1, sev - rs), max(1, rest - rl)
        r_best = (order.index(level(raw, r_sev, r_lik)), r_sev * r_lik)
        mine = flows[flows["item_id"] == item["item_id"]]
        for f in mine.to_dict("records"):
            best = max(best, (order.index(f["level"]), f["score"]))
            r_best = max(r_best, (order.index(f["residual_level"]), f["residual_score"]))
        out.append(
            {
                "item_id": item["item_id"],
                "level": order[best[0]],
                "score": best[1],
                "residual_level": order[r_best[0]],
                "residual_score": r_best[1],
                "n_flows": len(mine),
            }
        )
    return pd.DataFrame(out)
