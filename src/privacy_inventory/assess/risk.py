"""Risk scoring: severity × likelihood for every item and every flow, inherent, residual and what-if.

Pure and vectorised. Text keys are turned into integer positions once (Arrow hash lookups), every factor is
computed per item or per partner and gathered to the flows with numpy, and every contribution is kept as
an int8 factor column (`sev_*`, `lik_*`, `ctl_*`, `plan_*`) so any score can be explained. Text reasons
are rendered by explain.py only for the rows asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..frames import codes, id_rank, lookup, months_between, positions, split_reference
from ..ledger.inventory import Inventory
from ..ledger.schema import Axis, ControlStatus, PartnerKind
from .model import RiskModel

SEV_FACTORS = (
    "sev_base",
    "sev_special_care",
    "sev_my_number",
    "sev_property_damage",
    "sev_identifiability",
    "sev_volume",
)
LIK_FACTORS = (
    "lik_base",
    "lik_foreign_country",
    "lik_channel",
    "lik_unencrypted",
    "lik_no_contract",
    "lik_inspection_overdue",
    "lik_subcontracting_unknown",
)
PARTNER_LIK_FACTORS = (
    "lik_base",
    "lik_foreign_country",
    "lik_no_contract",
    "lik_inspection_overdue",
    "lik_subcontracting_unknown",
)
CTL_FACTORS = ("ctl_severity", "ctl_likelihood", "plan_severity", "plan_likelihood")
PREFIXES = ("", "residual_", "whatif_")


@dataclass
class RiskResult:
    """Scored tables. `items` and `partners` are sorted worst first; `flows` keeps the ledger's order
    (a million rows need not be sorted to be scored): use `ranked("flows")`. `as_of` is the date that
    inspection ages are counted to."""

    items: pd.DataFrame
    flows: pd.DataFrame
    partners: pd.DataFrame
    model: RiskModel
    as_of: dt.date

    def ranked(self, table: str = "flows", n: int | None = None, residual: bool = False) -> pd.DataFrame:
        """Rows worst first (level, score, severity, then id), optionally only the first n."""
        return rank_rows(getattr(self, table), _KEYS[table], n, "residual_" if residual else "")

    def high(self, table: str = "flows", residual: bool = False) -> pd.DataFrame:
        col = "residual_level" if residual else "level"
        df = getattr(self, table)
        return df[df[col].isin(self.model.high_levels)]

    def level_counts(self, table: str = "flows", residual: bool = False) -> dict[str, int]:
        col = "residual_level" if residual else "level"
        counts = getattr(self, table)[col].value_counts()
        return {lvl: int(counts.get(lvl, 0)) for lvl in self.model.levels}

    def matrix_counts(self, table: str = "flows", residual: bool = False) -> pd.DataFrame:
        """Counts per (severity, likelihood) cell: rows severity 4→1, columns likelihood 1→4."""
        prefix = "residual_" if residual else ""
        df = getattr(self, table)
        cells = df[prefix + "severity"].astype(int) * 10 + df[prefix + "likelihood"].astype(int)
        counts = cells.value_counts()
        grid = [[int(counts.get(s * 10 + li, 0)) for li in (1, 2, 3, 4)] for s in (4, 3, 2, 1)]
        out = pd.DataFrame(
            grid,
            index=pd.Index([4, 3, 2, 1], name="severity"),
            columns=pd.Index([1, 2, 3, 4], name="likelihood"),
        )
        return out


_KEYS = {"flows": "flow_id", "items": "item_id", "partners": "partner_id"}


def rank_key(df: pd.DataFrame, prefix: str = "") -> np.ndarray:
    """One integer per row that orders level, then score, then severity (higher is worse)."""
    level = df[prefix + "level"].cat.codes.to_numpy().astype(np.int64)
    return (
        level * 10_000
        + df[prefix + "score"].to_numpy().astype(np.int64) * 10
        + df[prefix + "severity"].to_numpy()
    )


def rank_rows(df: pd.DataFrame, key: str, n: int | None = None, prefix: str = "") -> pd.DataFrame:
    rk = rank_key(df, prefix)
    if n is not None and n < len(df):
        threshold = np.partition(rk, len(rk) - n)[len(rk) - n]
        candidates = np.flatnonzero(rk >= threshold)  # the top n and everything tied with the last of them
        df, rk = df.iloc[candidates], rk[candidates]
    ids = df[key].to_numpy(dtype=str)
    order = np.lexsort((ids, -rk))
    out = df.iloc[order]
    return (out if n is None else out.head(n)).reset_index(drop=True)


# --- helpers -----------------------------------------------------------------------------------------


def _flag(s: pd.Series) -> np.ndarray:
    return s.fillna(False).to_numpy(dtype=bool)


def _months_between(earlier: pd.Series, as_of: dt.date) -> np.ndarray:
    return months_between(earlier, as_of).astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def _categorical(model: RiskModel, idx: np.ndarray) -> pd.Categorical:
    return pd.Categorical.from_codes(idx.astype(np.int8), categories=list(model.levels), ordered=True)


def _add(factor) -> int:
    """What a factor adds when it applies (0 when the model does not use it)."""
    return factor.add if factor is not None else 0


# --- severity of items, likelihood of partners and flows ---------------------------------------------


def item_severity_factors(items: pd.DataFrame, model: RiskModel) -> dict[str, np.ndarray]:
    sev = model.severity
    cats = list(model.category_base)
    out = {"sev_base": lookup(model.category_base, cats, codes(items["category"], cats), default=1)}
    for flag in ("special_care", "my_number", "property_damage"):
        out["sev_" + flag] = (_flag(items[flag]) * _add(getattr(sev, flag))).astype(np.int8)
    ident = sev.identifiability.values if sev.identifiability else {}
    vocab = list(ident)
    out["sev_identifiability"] = lookup(ident, vocab, codes(items["identifiability"], vocab))
    vol = sev.volume
    over = items["records"].fillna(0).to_numpy(dtype=np.int64) > (vol.over if vol else np.iinfo(np.int64).max)
    out["sev_volume"] = (over * _add(vol)).astype(np.int8)
    return out


def partner_likelihood_factors(
    partners: pd.DataFrame, model: RiskModel, as_of: dt.date
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The likelihood factors that depend on the partner alone, and months since its last inspection."""
    lik = model.likelihood
    kinds = list(model.kind_base)
    kind = codes(partners["kind"], kinds)
    out = {"lik_base": lookup(model.kind_base, kinds, kind, default=1)}

    def of_kinds(spec) -> np.ndarray:
        return np.isin(kind, [kinds.index(k) for k in (spec.kinds if spec else []) if k in kinds])

    foreign = lik.foreign_country
    country = partners["country"].fillna("JP")
    domestic = country.isin(foreign.domestic if foreign else ["JP"]).to_numpy()
    equivalent = country.isin(foreign.equivalent if foreign else []).to_numpy()
    out["lik_foreign_country"] = np.where(
        domestic, 0, np.where(equivalent, foreign.equivalent_add if foreign else 0, _add(foreign))
    ).astype(np.int8)

    no_contract = lik.no_contract
    out["lik_no_contract"] = (
        (of_kinds(no_contract) & partners["contract_date"].isna().to_numpy()) * _add(no_contract)
    ).astype(np.int8)

    insp = lik.inspection_overdue
    months = _months_between(partners["last_inspection"], as_of)
    overdue = of_kinds(insp) & (np.isnan(months) | (months >= model.inspection_interval_months))
    out["lik_inspection_overdue"] = (overdue * _add(insp)).astype(np.int8)

    sub = lik.subcontracting_unknown
    unknown = partners["subcontracting"].fillna("unknown").eq("unknown").to_numpy()
    out["lik_subcontracting_unknown"] = ((of_kinds(sub) & unknown) * _add(sub)).astype(np.int8)
    return out, months


def flow_channel_factors(flows: pd.DataFrame, model: RiskModel) -> dict[str, np.ndarray]:
    lik = model.likelihood
    channel_values = lik.channel.values if lik.channel else {}
    unenc = lik.unencrypted
    electronic_channels = [str(c) for c in unenc.channels] if unenc else []
    vocab = sorted(set(channel_values) | set(electronic_channels))
    ch = codes(flows["channel"], vocab)
    electronic = np.isin(ch, [vocab.index(c) for c in electronic_channels])
    not_encrypted = ~_flag(flows["encrypted"])
    return {
        "lik_channel": lookup(channel_values, vocab, ch),
        "lik_unencrypted": ((electronic & not_encrypted) * _add(unenc)).astype(np.int8),
    }


# --- controls ----------------------------------------------------------------------------------------


def _reductions(
    inv: Inventory, statuses: tuple[str, ...], axis: str, item_pos: np.ndarray, partner_pos: np.ndarray
):
    """Sum of the declared effects of matching controls: per item (all/item/department) and per flow."""
    c = inv.controls
    c = c[c["status"].isin(statuses) & c["reduces"].eq(axis) & c["effect"].fillna(0).gt(0)]
    kind, target = split_reference(c["applies_to"])
    effect = c["effect"].astype(np.int64)

    def per(keys: pd.Series, scope: str) -> np.ndarray:
        sums = effect[kind == scope].groupby(target[kind == scope]).sum()
        if sums.empty:
            return np.zeros(len(keys), dtype=np.int64)
        pos = positions(pd.Series(sums.index, dtype="str"), keys)
        return np.append(sums.to_numpy(dtype=np.int64), 0)[pos]

    item_red = np.full(len(inv.items), effect[kind == "all"].sum(), dtype=np.int64)
    item_red += per(inv.items["item_id"], "item")
    dept = per(inv.departments["department_id"], "department")
    dept_pos = positions(inv.departments["department_id"], inv.items["department_id"])
    item_red += np.append(dept, 0)[dept_pos]
    flow_red = item_red[item_pos] + per(inv.partners["partner_id"], "partner")[partner_pos]
    if (kind == "flow").any():
        flow_red = flow_red + per(inv.flows["flow_id"], "flow")
    return item_red, flow_red


# --- the engine --------------------------------------------------------------------------------------


def _fill(df: pd.DataFrame, model: RiskModel, sev: np.ndarray, lik: np.ndarray, red: dict) -> None:
    """Inherent, residual (implemented controls) and what-if (implemented + planned) columns."""
    cap = model.max_reduction
    cols = {}
    pairs = {"": (sev, lik)}
    for prefix, key in (("residual_", "implemented"), ("whatif_", "planned")):
        sev_red, lik_red = red[(key, "severity")], red[(key, "likelihood")]
        pairs[prefix] = (
            np.maximum(1, sev - np.minimum(sev_red, cap)).astype(np.int8),
            np.maximum(1, lik - np.minimum(lik_red, cap)).astype(np.int8),
        )
    for prefix, (s, li) in pairs.items():
        cols[prefix + "severity"] = s
        cols[prefix + "likelihood"] = li
        cols[prefix + "score"] = (s.astype(np.int16) * li).astype(np.int8)
        cols[prefix + "level"] = _categorical(model, model.grid[s - 1, li - 1])
    cols["ctl_severity"] = (pairs["residual_"][0] - sev).astype(np.int8)
    cols["ctl_likelihood"] = (pairs["residual_"][1] - lik).astype(np.int8)
    cols["plan_severity"] = (pairs["whatif_"][0] - pairs["residual_"][0]).astype(np.int8)
    cols["plan_likelihood"] = (pairs["whatif_"][1] - pairs["residual_"][1]).astype(np.int8)
    for name, values in cols.items():
        df[name] = values


def _worst_per_group(
    group: np.ndarray, key: np.ndarray, n_groups: int, tie: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each group 0..n-1: the row with the highest key, the smallest id among equals (-1 if none),
    and the group sizes."""
    order = np.lexsort((-tie, key, group))
    sizes = np.bincount(group, minlength=n_groups)
    ends = np.cumsum(sizes) - 1
    worst = np.full(n_groups, -1, dtype=np.int64)
    present = sizes > 0
    worst[present] = order[ends[present]]
    return worst, sizes


def score(inv: Inventory, model: RiskModel, as_of: dt.date | None = None) -> RiskResult:
    """Score every item, flow and partner. Deterministic for the same ledger, model and as_of."""
    as_of = as_of or dt.date.today()
    items, flows, partners = inv.items, inv.flows, inv.partners
    item_pos = positions(items["item_id"], flows["item_id"])
    partner_pos = positions(partners["partner_id"], flows["partner_id"])

    sev_f = item_severity_factors(items, model)
    item_sev = np.clip(sum(sev_f.values()), 1, 4).astype(np.int8)
    p_f, months = partner_likelihood_factors(partners, model, as_of)
    ch_f = flow_channel_factors(flows, model)

    red = {}
    item_red = {}
    implemented, planned = ControlStatus.implemented, ControlStatus.planned
    for key, statuses in (("implemented", (implemented,)), ("planned", (implemented, planned))):
        for axis in (Axis.severity, Axis.likelihood):
            item_red[(key, axis)], red[(key, axis)] = _reductions(inv, statuses, axis, item_pos, partner_pos)

    # flows
    f = pd.DataFrame(
        {"flow_id": flows["flow_id"], "item_id": flows["item_id"], "partner_id": flows["partner_id"]}
    )
    tie = id_rank(flows["flow_id"])
    for col, values in sev_f.items():
        f[col] = values[item_pos]
    lik_cols = {col: p_f[col][partner_pos] for col in PARTNER_LIK_FACTORS} | ch_f
    for col in LIK_FACTORS:
        f[col] = lik_cols[col]
    flow_lik = np.clip(sum(lik_cols.values()), 1, 4).astype(np.int8)
    _fill(f, model, item_sev[item_pos], flow_lik, red)

    # items: the worst of their flows, or their risk at rest when they go nowhere
    it = pd.DataFrame(
        {"item_id": items["item_id"], "name_ja": items["name_ja"], "category": items["category"]}
    )
    for col, values in sev_f.items():
        it[col] = values
    rest = np.full(len(items), model.kind_base.get(PartnerKind.internal, 1), dtype=np.int8)
    _fill(it, model, item_sev, rest, item_red)
    it = _take_worst(it, f, item_pos, model, tie)

    # partners: the worst of their flows
    worst, sizes = _worst_per_group(partner_pos, rank_key(f), len(partners), tie)
    has = np.flatnonzero(sizes > 0)
    pt = pd.DataFrame({"partner_id": partners["partner_id"].to_numpy()[has], "name": partners["name"].to_numpy()[has],
                       "kind": partners["kind"].to_numpy()[has]})  # fmt: skip
    rows = f.iloc[worst[has]].reset_index(drop=True)
    for col in (*LIK_FACTORS, *SEV_FACTORS, *CTL_FACTORS):
        pt[col] = rows[col].to_numpy()
    for prefix in PREFIXES:
        w, _ = _worst_per_group(partner_pos, rank_key(f, prefix), len(partners), tie)
        src = f.iloc[w[has]].reset_index(drop=True)
        for c in ("severity", "likelihood", "score", "level"):
            pt[prefix + c] = src[prefix + c].to_numpy() if c != "level" else src[prefix + c].array
    pt["worst_flow_id"] = rows["flow_id"].to_numpy()
    high = f["level"].isin(model.high_levels).to_numpy()
    pt["n_flows"] = sizes[has]
    pt["n_high_flows"] = np.bincount(partner_pos, weights=high, minlength=len(partners)).astype(int)[has]
    pairs = pd.DataFrame({"p": partner_pos, "i": item_pos}).drop_duplicates()
    pt["n_items"] = np.bincount(pairs["p"].to_numpy(), minlength=len(partners))[has]
    pt["inspection_months"] = months[has]

    return RiskResult(
        items=rank_rows(it, "item_id"),
        flows=f,
        partners=rank_rows(pt, "partner_id"),
        model=model,
        as_of=as_of,
    )


def _take_worst(
    it: pd.DataFrame, f: pd.DataFrame, item_pos: np.ndarray, model: RiskModel, tie: np.ndarray
) -> pd.DataFrame:
    """Per item, replace the at-rest scores by those of its worst flow where that is worse."""
    n = len(it)
    high = f["level"].isin(model.high_levels).to_numpy()
    it["n_flows"] = np.bincount(item_pos, minlength=n) if len(f) else 0
    it["n_high_flows"] = np.bincount(item_pos, weights=high, minlength=n).astype(int) if len(f) else 0
    worst_id = np.full(n, None, dtype=object)
    for prefix in PREFIXES:
        w, _ = _worst_per_group(item_pos, rank_key(f, prefix), n, tie) if len(f) else (np.full(n, -1), None)
        present = w >= 0
        theirs = np.full(n, -1, dtype=np.int64)
        theirs[present] = rank_key(f, prefix)[w[present]]
        take = theirs > rank_key(it, prefix)
        if prefix == "":
            worst_id[present] = f["flow_id"].to_numpy()[w[present]]
        if take.any():
            src = w[take]
            for c in ("severity", "likelihood", "score"):
                values = it[prefix + c].to_numpy().copy()
                values[take] = f[prefix + c].to_numpy()[src]
                it[prefix + c] = values
            codes_ = it[prefix + "level"].cat.codes.to_numpy().copy()
            codes_[take] = f[prefix + "level"].cat.codes.to_numpy()[src]
            it[prefix + "level"] = _categorical(model, codes_)
    it["worst_flow_id"] = pd.array(worst_id, dtype="str")
    return it
