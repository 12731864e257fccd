"""The ledger as a Fides data map (fideslang YAML) and back.

Fides (ethyca) describes an organisation's data map as *systems* that hold or receive personal data, each
with *privacy declarations* (a data use, data categories, data subjects) and *egress / ingress* data flows
to other systems, and *datasets* with fields labelled by data category. Its default taxonomy is extended
here, the way fideslang allows (custom labels with a parent key and `is_default: false`), where nothing in
it fits a ledger code. The mapping is declared below and documented in docs/fides.md (generated from it:
`privacy-inventory schema --fides --out docs/fides.md`).

What goes where:
- each `system` of items (保管システム) → a Fides system of the organisation, with a dataset whose
  fields are its items;
- each partner (共同利用者, 委託先, 第三者 …) → a Fides system; each flow makes an egress (outbound) or
  ingress (inbound) between the item's system and the partner's, so the Fides data-flow view has one
  edge per (system, partner) pair of flows.csv, labelled with the categories that flow;
- per system, one privacy declaration per purpose of use (data use, categories, subjects, and the
  partners it sends to or receives from for that purpose).

Fides has no place for some ledger facts (件数, 保存期間, 取得方法, 根拠, 経路 …); every exported resource
carries the ledger rows it was made from in `meta.privacy_inventory` (CSV text, the ledger's own
columns), so `import-fides` gives back items, purposes, uses, partners, flows, departments and joint-use
arrangements. Names,
categories, subjects and addresses edited in Fides win over that copy. This module writes plain YAML
and needs no fideslang at run time; the tests validate the output with fideslang itself.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from ..errors import UsageError, os_reason
from ..files import built_aside
from ..frames import list_values, positions
from ..i18n import both, language, t
from .schema import (
    PURPOSE_CATEGORY_OF_KIND,
    TABLES_BY_NAME,
    Direction,
    ItemCategory,
    PartnerKind,
    PurposeCategory,
    PurposeKind,
    Subject,
)
from .textio import CsvSyntax, read_csv_checked
from .yamlin import refuse_aliases, yaml_error_line, yaml_error_text
from .yamlout import dump_yaml

META_KEY = "privacy_inventory"
FORMAT = "privacy-inventory ledger CSV v1 (docs/ledger.md)"
FILES = ("organization.yml", "taxonomy.yml", "systems.yml", "datasets.yml")
ORGANIZATION_KEY = "default_organization"
STATUTORY_USE = "third_party_sharing.legal_obligation"  # a flow with no purpose: provision required by law

# --- the mapping: ledger codes → fideslang taxonomy keys -------------------------------------------------


@dataclass(frozen=True)
class Extension:
    """A label added to the fideslang taxonomy (is_default: false), under an existing parent."""

    kind: str  # data_category | data_subject | data_use
    key: str
    name: str
    description: str

    @property
    def parent(self) -> str | None:
        return self.key.rpartition(".")[0] or None


EXTENSIONS: tuple[Extension, ...] = (
    Extension(
        "data_category",
        "user.employment",
        "Employment Records",
        "HR, payroll and recruitment records of staff and job applicants (雇用・人事情報).",
    ),
    Extension(
        "data_subject",
        "care_service_user",
        "Care Service User",
        "A person using the organisation's welfare or long-term care services (福祉サービス利用者).",
    ),
    Extension(
        "data_subject",
        "entrusted_customer",
        "Customer of an Entrusting Business",
        "A customer of another business that entrusted the processing of its data (委託元生協の組合員).",
    ),
    Extension(
        "data_use",
        "essential.service.membership",
        "Membership Administration",
        "Administers membership of a consumer co-operative: admission, share capital, withdrawal "
        "(組合員資格・出資金の管理).",
    ),
    Extension(
        "data_use",
        "essential.service.entrusted",
        "Entrusted Processing",
        "Processes data on behalf of another business that entrusted the work (受託業務).",
    ),
)

CATEGORY_KEYS: dict[ItemCategory, str] = {
    ItemCategory.identity: "user.name",
    ItemCategory.contact: "user.contact",
    ItemCategory.demographic: "user.demographic",
    ItemCategory.membership: "user.account",
    ItemCategory.behavioural: "user.behavior",
    ItemCategory.transaction: "user.behavior.purchase_history",
    ItemCategory.financial: "user.financial",
    ItemCategory.complaint: "user.content.private",
    ItemCategory.health_care: "user.health_and_medical",
    ItemCategory.my_number: "user.government_id.national_identification_number",
    ItemCategory.employment: "user.employment",
    ItemCategory.other: "user",
}
# A finer key for an item whose name says what it is; always below its category's key, so the
# category comes back from it on import.
REFINEMENTS: tuple[tuple[ItemCategory, str, str], ...] = (
    (ItemCategory.contact, "住所", "user.contact.address"),
    (ItemCategory.contact, "電話", "user.contact.phone_number"),
    (ItemCategory.contact, "メール", "user.contact.email"),
    (ItemCategory.demographic, "生年月日", "user.demographic.date_of_birth"),
    (ItemCategory.demographic, "性別", "user.demographic.gender"),
    (ItemCategory.financial, "クレジットカード", "user.financial.credit_card"),
    (ItemCategory.financial, "口座", "user.financial.bank_account"),
)
SUBJECT_KEYS: dict[Subject, str] = {
    Subject.member: "customer",
    Subject.service_user: "care_service_user",
    Subject.employee: "employee",
    Subject.applicant: "job_applicant",
    Subject.family: "next_of_kin",
    Subject.entrusted_member: "entrusted_customer",
    Subject.visitor: "visitor",
}
USE_KEYS: dict[PurposeCategory, str] = {
    PurposeCategory.service: "essential.service",
    PurposeCategory.billing: "essential.service.payment_processing",
    PurposeCategory.support: "essential.service.operations.support",
    PurposeCategory.notification: "essential.service.notifications",
    PurposeCategory.marketing: "marketing.communications",
    PurposeCategory.improvement: "functional.service.improve",
    PurposeCategory.membership: "essential.service.membership",
    PurposeCategory.governance: "operations",
    PurposeCategory.entrusted: "essential.service.entrusted",
    PurposeCategory.employment: "employment",
    PurposeCategory.recruitment: "employment.recruitment",
    PurposeCategory.legal_obligation: "essential.legal_obligation",
}
# Fides' responsibility of each kind of partner (Controller / Processor / Sub-Processor)
RESPONSIBILITY: dict[PartnerKind, str] = {
    PartnerKind.internal: "Controller",
    PartnerKind.joint_user: "Controller",
    PartnerKind.outsourcee: "Processor",
    PartnerKind.sub_outsourcee: "Sub-Processor",
    PartnerKind.third_party: "Controller",
    PartnerKind.statutory: "Controller",
    PartnerKind.entrusting_coop: "Controller",
}
SHARED_KINDS = (PartnerKind.joint_user, PartnerKind.third_party, PartnerKind.statutory)  # not processors


def category_key(category: str, name: str | None = None) -> str:
    """The data category of an item: its category's key, or a finer one its name names."""
    for cat, word, key in REFINEMENTS:
        if category == cat and name and word in name:
            return key
    return CATEGORY_KEYS.get(ItemCategory(category), "user") if category in ItemCategory.codes() else "user"


def _back(key: str | None, table: dict) -> str | None:
    """A taxonomy key back to the ledger code: the code of the nearest key at or above it."""
    reverse = {v: k for k, v in table.items()}
    while key:
        if key in reverse:
            return str(reverse[key])
        key = key.rpartition(".")[0]
    return None


def category_of_key(key: str | None) -> str | None:
    return _back(key, CATEGORY_KEYS)


def subject_of_key(key: str | None) -> str | None:
    return _back(key, SUBJECT_KEYS) if key else None


def purpose_use_key(category: str | None, kind: str | None) -> str:
    """The data use of a purpose: by its category, else by its kind."""
    if category in PurposeCategory.codes():
        return USE_KEYS[PurposeCategory(category)]
    if kind in PurposeKind.codes():
        return USE_KEYS[PURPOSE_CATEGORY_OF_KIND[PurposeKind(kind)]]
    return USE_KEYS[PurposeCategory.service]


# --- keys of resources ------------------------------------------------------------------------------------

_SAFE = re.compile(r"^[A-Za-z0-9_.-]+$")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def own_system_key(system: str | None) -> str:
    """The organisation's own system holding items; its name is Japanese, so the key is a stable digest."""
    return "own-unrecorded" if not system else f"own-{_digest(system)}"


def partner_key(partner_id: str) -> str:
    return f"partner-{partner_id}" if _SAFE.match(partner_id) else f"partner-{_digest(partner_id)}"


# --- export ---------------------------------------------------------------------------------------------


def _both(key: str, **values: object) -> str:
    """A text in Japanese, then English: a Fides data map is read in either."""
    ja, en = both(key, **values)
    return f"{ja} / {en}"


def _csv(df: pd.DataFrame) -> str:
    return df.to_csv(index=False, lineterminator="\n")


def _text_frame(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Typed ledger frame → the text the CSV would hold (dates ISO, flags true/false), schema columns."""
    spec = TABLES_BY_NAME[table]
    out = {}
    for col in spec.columns:
        s = df[col.name] if col.name in df else pd.Series(pd.NA, index=df.index)
        if col.kind == "date":
            s = s.dt.strftime("%Y-%m-%d")
        elif col.kind == "bool":
            s = s.astype("boolean").map({True: "true", False: "false"}, na_action="ignore")
        out[col.name] = s.astype("string")
    return pd.DataFrame(out, index=df.index)


def _sorted(values: Iterable) -> list[str]:
    return sorted({str(v) for v in values if isinstance(v, str) and v})


@dataclass
class FidesExport:
    path: Path
    systems: int
    datasets: int
    declarations: int
    edges: int


def _organization(inv) -> dict:
    org = inv.organisation or {}
    contact = org.get("contact") or {}
    resource = {
        "fides_key": ORGANIZATION_KEY,
        "name": str(org.get("name") or ""),
        "description": str(org.get("name_en") or ""),
        "controller": {
            "name": str(org.get("name") or ""),
            "address": str(org.get("address") or ""),
            "phone": str(contact.get("phone") or ""),
        },
    }
    if org.get("representative"):
        resource["representative"] = {"name": str(org["representative"])}
    return resource


def _taxonomy() -> dict:
    out: dict[str, list] = {"data_category": [], "data_subject": [], "data_use": []}
    for ext in EXTENSIONS:
        resource = {"fides_key": ext.key, "name": ext.name, "description": ext.description}
        if ext.kind != "data_subject":
            resource["parent_key"] = ext.parent
        resource["is_default"] = False
        out[ext.kind].append(resource)
    return out


def _masks(keys: Iterable[str | None]) -> tuple[list[str], dict[str, int]]:
    """Sorted vocabulary of keys and a bit for each: a set of keys is then one integer (OR of bits)."""
    vocab = sorted({k for k in keys if k})
    return vocab, {k: 1 << i for i, k in enumerate(vocab)}


class _Unmask:
    """Bit set → sorted list of keys (cached: few distinct sets occur)."""

    def __init__(self, vocab: list[str]) -> None:
        self.vocab, self.cache = vocab, {}

    def __call__(self, mask: int) -> list[str]:
        out = self.cache.get(mask)
        if out is None:
            out = self.cache[mask] = [k for i, k in enumerate(self.vocab) if mask >> i & 1]
        return out


def _or_by(f: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Per distinct `keys`: the OR of the `cat` and `subj` bits and whether any row is `special`
    (vectorised: the sum of distinct bits is their OR)."""
    cats = f.drop_duplicates([*keys, "cat"]).groupby(keys, sort=True)["cat"].sum()
    subjs = f.drop_duplicates([*keys, "subj"]).groupby(keys, sort=True)["subj"].sum()
    special = f.groupby(keys, sort=True)["special"].any()
    return pd.DataFrame({"cat": cats, "subj": subjs, "special": special}).reset_index()


def _csv_chunks(df: pd.DataFrame, group: np.ndarray, n: int) -> list[str]:
    """The rows of each group 0..n-1 as CSV text with the header (one to_csv call for all groups)."""
    header = df.head(0).to_csv(index=False, lineterminator="\n")
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(n + 1))
    body = df.iloc[order].to_csv(index=False, header=False, lineterminator="\n")
    lines = body.split("\n")[:-1]
    if len(lines) != len(df):  # a value holds a line break: write group by group
        ordered = df.iloc[order]
        return [header + ordered.iloc[lo:hi].to_csv(index=False, header=False, lineterminator="\n")
                for lo, hi in pairwise(bounds.tolist())]  # fmt: skip
    return [
        header + ("\n".join(lines[lo:hi]) + "\n" if hi > lo else "") for lo, hi in pairwise(bounds.tolist())
    ]


@dataclass
class _Declaration:
    """What one privacy declaration accumulates while the flows are read."""

    cats: int = 0
    subjs: int = 0
    special: bool = False
    egress: set[str] = field(default_factory=set)
    ingress: set[str] = field(default_factory=set)
    shared: set[str] = field(default_factory=set)  # kinds of partners it is shared with (not processors)


def build_data_map(inv) -> dict[str, Any]:
    """The Fides resources of a ledger: {file name: manifest}, and `_counts`."""
    items, purposes, partners, flows, uses = inv.items, inv.purposes, inv.partners, inv.flows, inv.uses

    # per item: its own system, data category, subject, special care
    systems_of_item = [s if isinstance(s, str) and s else None for s in items["system"].astype(object)]
    own_codes, own_keys = pd.factorize(pd.Series([own_system_key(s) for s in systems_of_item]), sort=True)
    own_keys = list(own_keys)
    cat_keys = [category_key(c, n) for c, n in zip(items["category"], items["name_ja"], strict=True)]
    subj_keys = [SUBJECT_KEYS[Subject(s)] if s in Subject.codes() else None for s in items["subjects"]]
    cat_vocab, cat_bit = _masks(cat_keys)
    subj_vocab, subj_bit = _masks(subj_keys)
    item_cat = np.array([cat_bit[k] for k in cat_keys], dtype=np.int64)
    item_subj = np.array([subj_bit.get(k, 0) if k else 0 for k in subj_keys], dtype=np.int64)
    item_special = items["special_care"].fillna(False).to_numpy(dtype=bool)
    cats_of, subjs_of = _Unmask(cat_vocab), _Unmask(subj_vocab)

    # per purpose (the last code: statutory provision, no purpose)
    n_p = len(purposes)
    names = [f"{pid} {text}" for pid, text in zip(purposes["purpose_id"], purposes["text_ja"], strict=True)]
    names.append(_both("fides.statutory"))
    use_keys = [
        purpose_use_key(c if isinstance(c, str) else None, k)
        for c, k in zip(purposes["category"], purposes["kind"], strict=True)
    ]
    use_keys.append(STATUTORY_USE)

    # per partner
    p_keys = [partner_key(str(p)) for p in partners["partner_id"]]
    p_kinds = partners["kind"].astype(object).tolist()

    # flows and uses as integer codes
    ip = positions(items["item_id"], flows["item_id"])
    pp = positions(partners["partner_id"], flows["partner_id"])
    fp = positions(purposes["purpose_id"], flows["purpose_id"])
    f = pd.DataFrame(
        {
            "own": own_codes[ip],
            "partner": pp,
            "purpose": np.where(fp >= 0, fp, n_p),
            "inbound": flows["direction"].eq(Direction.in_).to_numpy(dtype=bool),
            "cat": item_cat[ip],
            "subj": item_subj[ip],
            "special": item_special[ip],
        }
    )
    decl = _or_by(f, ["own", "partner", "purpose", "inbound"])
    edges = _or_by(f, ["own", "partner", "inbound"])
    iu = positions(items["item_id"], uses["item_id"])
    pu = positions(purposes["purpose_id"], uses["purpose_id"])
    u = pd.DataFrame({"own": own_codes[iu], "purpose": pu, "cat": item_cat[iu], "subj": item_subj[iu],
                      "special": item_special[iu]})  # fmt: skip
    held = _or_by(u, ["own", "purpose"])

    own_decl: dict[tuple[int, int], _Declaration] = {}
    partner_decl: dict[tuple[int, int], _Declaration] = {}
    for own, purpose, cat, subj, special in zip(*(held[c].tolist() for c in ("own", "purpose", "cat", "subj", "special")), strict=True):  # fmt: skip
        d = own_decl.setdefault((own, purpose), _Declaration())
        d.cats, d.subjs, d.special = d.cats | cat, d.subjs | subj, d.special or special
    columns = ("own", "partner", "purpose", "inbound", "cat", "subj", "special")
    for own, partner, purpose, inbound, cat, subj, special in zip(
        *(decl[c].tolist() for c in columns), strict=True
    ):
        ours = own_decl.setdefault((own, purpose), _Declaration())
        theirs = partner_decl.setdefault((partner, purpose), _Declaration())
        for d in (ours, theirs):
            d.cats, d.subjs, d.special = d.cats | cat, d.subjs | subj, d.special or special
        if inbound:
            ours.ingress.add(p_keys[partner])
            theirs.egress.add(own_keys[own])
        else:
            ours.egress.add(p_keys[partner])
            theirs.ingress.add(own_keys[own])
            if p_kinds[partner] in SHARED_KINDS:
                ours.shared.add(p_kinds[partner])

    def declaration(purpose: int, d: _Declaration, dataset: str | None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": names[purpose],
            "data_use": use_keys[purpose],
            "data_categories": cats_of(d.cats),
            "data_subjects": subjs_of(d.subjs),
        }
        if dataset:
            out["dataset_references"] = [dataset]
        out["processes_special_category_data"] = bool(d.special)
        if dataset:
            out["data_shared_with_third_parties"] = bool(d.shared)
            if d.shared:
                out["third_parties"] = "、".join(
                    PartnerKind(k).ja for k in PartnerKind.codes() if k in d.shared
                )
        if d.egress:
            out["egress"] = sorted(d.egress)
        if d.ingress:
            out["ingress"] = sorted(d.ingress)
        return out

    def flow_entry(key: str, cat: int) -> dict[str, Any]:
        return {"fides_key": key, "type": "system", "data_categories": cats_of(cat)}

    own_egress: dict[int, list] = {}
    own_ingress: dict[int, list] = {}
    partner_egress: dict[int, list] = {}
    partner_ingress: dict[int, list] = {}
    for own, partner, inbound, cat in zip(*(edges[c].tolist() for c in ("own", "partner", "inbound", "cat")), strict=True):  # fmt: skip
        if inbound:
            partner_egress.setdefault(partner, []).append(flow_entry(own_keys[own], cat))
            own_ingress.setdefault(own, []).append(flow_entry(p_keys[partner], cat))
        else:
            own_egress.setdefault(own, []).append(flow_entry(p_keys[partner], cat))
            partner_ingress.setdefault(partner, []).append(flow_entry(own_keys[own], cat))

    # the ledger rows each resource carries (meta), as CSV text in the ledger's own columns
    n_own = len(own_keys)
    item_chunks = _csv_chunks(_text_frame(items, "items"), own_codes, n_own)
    use_chunks = _csv_chunks(_text_frame(uses, "uses"), own_codes[iu], n_own)
    text_purposes = _text_frame(purposes, "purposes")
    text_departments = _text_frame(inv.departments, "departments")
    text_joint_uses = _csv(_text_frame(inv.joint_uses, "joint_uses"))  # small: every dataset carries all
    partner_chunks = _csv_chunks(_text_frame(partners, "partners"), np.arange(len(partners)), len(partners))
    flow_chunks = _csv_chunks(_text_frame(flows, "flows"), pp, len(partners))
    used: dict[int, set[int]] = {}
    for own, purpose in own_decl:
        if purpose < n_p:
            used.setdefault(own, set()).add(purpose)

    dep_name = dict(zip(inv.departments["department_id"], inv.departments["name"], strict=True))
    item_uses: dict[int, set[str]] = {}
    for i, purpose in zip(iu.tolist(), pu.tolist(), strict=True):
        if purpose >= 0:
            item_uses.setdefault(i, set()).add(use_keys[purpose])

    systems, datasets, n_decl = [], [], 0
    for own, own_key in enumerate(own_keys):
        mine = np.flatnonzero(own_codes == own)
        group = items.iloc[mine]
        name = next((s for s in (systems_of_item[i] for i in mine) if s), None) or _both("fides.no_system")
        dataset_key = f"dataset-{own_key}"
        declarations = [
            declaration(purpose, d, dataset_key) for (o, purpose), d in sorted(own_decl.items()) if o == own
        ]
        n_decl += len(declarations)
        departments = sorted({dep_name.get(d, d) for d in group["department_id"].dropna()})
        system: dict[str, Any] = {
            "fides_key": own_key,
            "name": name,
            "description": _both("fides.own_system"),
            "system_type": _both("fides.own_system_type"),
            "administrating_department": "、".join(departments) or "Not defined",
            "responsibility": [
                "Controller",
                *(["Processor"] if group["acquisition"].eq("entrusted").any() else []),
            ],
            "egress": own_egress.get(own),
            "ingress": own_ingress.get(own),
            "privacy_declarations": declarations,
            "dataset_references": [dataset_key],
        }
        systems.append({k: v for k, v in system.items() if v is not None})
        fields = []
        for i in mine.tolist():
            fld: dict[str, Any] = {
                "name": str(items["item_id"].iat[i]),
                "description": str(items["name_ja"].iat[i]),
                "data_categories": [cat_keys[i]],
            }
            if subj_keys[i]:
                fld["data_subjects"] = [subj_keys[i]]
            if i in item_uses:
                fld["data_uses"] = sorted(item_uses[i])
            fields.append(fld)
        purposes_here = sorted(used.get(own, set()))
        meta = {
            "format": FORMAT,
            "items": item_chunks[own],
            "uses": use_chunks[own],
            "purposes": _csv(text_purposes.iloc[purposes_here]),
            "departments": _csv(text_departments[inv.departments["department_id"].isin(set(group["department_id"]))]),
            "joint_uses": text_joint_uses,
        }  # fmt: skip
        datasets.append(
            {
                "fides_key": dataset_key,
                "name": name,
                "description": _both("fides.dataset"),
                "meta": {META_KEY: meta},
                "collections": [{"name": "items", "fields": fields}],
            }
        )

    by_partner: dict[int, list] = {}
    for (partner, purpose), d in sorted(partner_decl.items()):
        by_partner.setdefault(partner, []).append(declaration(purpose, d, None))
    arrangements_of: dict[str, list[str]] = {}
    for ju in inv.joint_uses.itertuples(index=False):
        for member in list_values(ju.members):
            title = ju.title if isinstance(ju.title, str) and ju.title else ju.joint_use_id
            arrangements_of.setdefault(member, []).append(str(title))
    for i, prow in enumerate(partners.itertuples(index=False)):
        kind = PartnerKind(prow.kind) if prow.kind in PartnerKind.codes() else None
        declarations = by_partner.get(i, [])
        n_decl += len(declarations)
        system = {
            "fides_key": p_keys[i],
            "name": str(prow.name),
            "description": str(prow.name_en) if isinstance(prow.name_en, str) else "",
            "system_type": f"{kind.ja} / {kind.en}" if kind else str(prow.kind),
            "responsibility": [RESPONSIBILITY[kind]] if kind else [],
            "egress": partner_egress.get(i),
            "ingress": partner_ingress.get(i),
            "privacy_declarations": declarations,
            "does_international_transfers": isinstance(prow.country, str) and prow.country != "JP",
            "legal_basis_for_transfers": [str(prow.transfer_basis)] if isinstance(prow.transfer_basis, str) else [],
        }  # fmt: skip
        if isinstance(prow.address, str):
            system["legal_name"] = str(prow.name)
            system["legal_address"] = prow.address
        if kind is PartnerKind.joint_user:
            group = "」「".join(arrangements_of.get(str(prow.partner_id), [])) or "?"
            system["joint_controller_info"] = _both("fides.joint_users", group=group)
        system["meta"] = {
            META_KEY: {"format": FORMAT, "partners": partner_chunks[i], "flows": flow_chunks[i]}
        }
        systems.append({k: v for k, v in system.items() if v is not None})
    return {
        "organization.yml": {"organization": [_organization(inv)]},
        "taxonomy.yml": _taxonomy(),
        "systems.yml": {"system": systems},
        "datasets.yml": {"dataset": datasets},
        "_counts": {"systems": len(systems), "datasets": len(datasets), "declarations": n_decl,
                    "edges": len(edges)},
    }  # fmt: skip


def export_fides(inv, out: Path) -> FidesExport:
    """Write the data map into `out` (new or empty; built beside it and moved into place)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(t("fides.out_not_empty", path=out))
    data = build_data_map(inv)
    counts = data.pop("_counts")
    with built_aside(out, replace=out.exists()) as tmp:
        for name, manifest in data.items():
            (tmp / name).write_text(dump_yaml(manifest), encoding="utf-8")
    return FidesExport(out, counts["systems"], counts["datasets"], counts["declarations"], counts["edges"])


# --- import ---------------------------------------------------------------------------------------------


def _load(path: Path) -> dict:
    """A YAML file with every scalar as text: import reads only text (ids, names, keys, CSV), and not
    resolving types reads a million-flow map several times faster. (libyaml's loader when present.)"""
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    try:
        text = path.read_text(encoding="utf-8")
        refuse_aliases(text)  # an alias chain would expand to gigabytes once the values are read
        data = yaml.load(text, Loader=loader)
    except OSError as exc:
        raise UsageError(t("fides.bad_yaml", path=path, detail=os_reason(exc))) from None
    except UnicodeDecodeError as exc:  # fideslang files are UTF-8 by definition
        raise UsageError(
            t("fides.bad_yaml", path=path, detail=t("fides.not_utf8", byte=exc.start + 1))
        ) from None
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc)
        where = t("fides.yaml_line", line=line) if line else ""
        raise UsageError(t("fides.bad_yaml", path=path, detail=where + yaml_error_text(exc))) from None
    return data if isinstance(data, dict) else {}


def _value(v: Any) -> str | None:
    """A text scalar, or None for YAML's null written any way."""
    if v is None or (isinstance(v, str) and v.strip() in ("", "~", "null", "Null", "NULL")):
        return None
    return v if isinstance(v, str) else None


def _first(values: Any) -> str | None:
    return _value(values[0]) if isinstance(values, list) and values else None


@dataclass(frozen=True)
class Chunk:
    """The CSV text of one table held in one resource of the data map, and where that resource is (its
    file and fides_key, worded only for an error)."""

    text: str
    file: str
    key: str


def _frame(chunks: list[Chunk], table: str) -> pd.DataFrame:
    """CSV chunks of one table (each with its header) read at once: one parse per distinct header.
    Malformed CSV (a stray quote, a row with too many or too few values) is a usage error naming the
    resource and the row of its CSV; the chunks are read one by one only to find it."""
    spec = TABLES_BY_NAME[table]
    by_header: dict[str, list[str]] = {}
    for chunk in chunks:
        head, _, body = chunk.text.partition("\n")
        if body.strip():
            by_header.setdefault(head, []).append(body if body.endswith("\n") else body + "\n")
    try:
        frames = [
            read_csv_checked((head + "\n" + "".join(bodies)).encode("utf-8"), next(csv.reader([head])))
            for head, bodies in by_header.items()
        ]
    except CsvSyntax as exc:
        raise _bad_chunk(chunks, table, exc) from None
    if not frames:
        return pd.DataFrame(columns=spec.column_names, dtype="str")
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _bad_chunk(chunks: list[Chunk], table: str, found: CsvSyntax) -> UsageError:
    """The error for the first chunk whose CSV is malformed (`found`: what the joined parse saw)."""
    where, line, detail = t("fides.where_unknown"), found.line, found.detail
    for chunk in chunks:
        try:
            read_csv_checked(chunk.text.encode("utf-8"), next(csv.reader([chunk.text.partition("\n")[0]])))
        except CsvSyntax as exc:
            where, line, detail = t("fides.where", file=chunk.file, key=chunk.key), exc.line, exc.detail
            break
    name = getattr(TABLES_BY_NAME[table], language())
    return UsageError(t("fides.bad_csv", where=where, table=name, line=line or "?", detail=detail))


def _meta(resource: dict) -> dict | None:
    meta = resource.get("meta")
    ours = meta.get(META_KEY) if isinstance(meta, dict) else None
    return ours if isinstance(ours, dict) else None


def _dicts(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _first_value(chunk: str, column: str) -> str | None:
    """The `column` of the first data row of a CSV chunk."""
    rows = csv.reader(io.StringIO(chunk))
    header, first = next(rows, []), next(rows, [])
    return first[header.index(column)] if column in header and len(first) > header.index(column) else None


def read_data_map(directory: Path) -> tuple[dict[str, pd.DataFrame], dict]:
    """Ledger tables (text, as CSV would hold them) and the organisation from a data map written by
    export_fides. Names, categories, subjects and addresses as they now stand in Fides win over the
    ledger copy in meta; what Fides cannot hold at all comes from that copy."""
    if not directory.is_dir():
        raise UsageError(t("fides.not_a_directory", path=directory))
    manifests: dict[str, list] = {}
    origin: dict[int, str] = {}  # a resource → the file it is in, for messages
    for path in sorted([*directory.rglob("*.yml"), *directory.rglob("*.yaml")]):
        for kind, resources in _load(path).items():
            if isinstance(resources, list):
                found = [r for r in resources if isinstance(r, dict)]
                manifests.setdefault(kind, []).extend(found)
                origin |= {id(r): str(path) for r in found}
    texts: dict[str, list[Chunk]] = {
        t: [] for t in ("items", "uses", "purposes", "departments", "joint_uses", "partners", "flows")
    }

    def keep(resource: dict, meta: dict, table: str) -> str | None:
        text = meta.get(table)
        if isinstance(text, str) and text.strip():
            key = _value(resource.get("fides_key")) or ""
            texts[table].append(Chunk(text, origin.get(id(resource), ""), key))
            return text
        return None

    native_items: list[dict] = []
    native_partners: list[dict] = []
    for ds in manifests.get("dataset", []):
        meta = _meta(ds)
        if meta is None:
            continue
        for table in ("items", "uses", "purposes", "departments", "joint_uses"):
            keep(ds, meta, table)
        for coll in _dicts(ds.get("collections")):
            for fld in _dicts(coll.get("fields")):
                native_items.append(
                    {
                        "item_id": _value(fld.get("name")),
                        "name_ja": _value(fld.get("description")),
                        "category": category_of_key(_first(fld.get("data_categories"))),
                        "subjects": subject_of_key(_first(fld.get("data_subjects"))),
                        "system": _value(ds.get("name")),
                    }
                )
    for system in manifests.get("system", []):
        meta = _meta(system)
        if meta is None:
            continue
        partner = keep(system, meta, "partners")
        keep(system, meta, "flows")
        if partner:
            native_partners.append(
                {
                    "partner_id": _first_value(partner, "partner_id"),
                    "name": _value(system.get("name")),
                    "address": _value(system.get("legal_address")),
                }
            )
    if not texts["items"] and not texts["partners"]:
        raise UsageError(t("fides.not_ours", path=directory, key=META_KEY))
    tables = {}
    for table, chunks in texts.items():
        df = _frame(chunks, table)
        tables[table] = df.drop_duplicates(list(TABLES_BY_NAME[table].key), keep="first").reset_index(
            drop=True
        )
    _overlay(tables["items"], native_items, "item_id", ("name_ja", "category", "subjects", "system"))
    _overlay(tables["partners"], native_partners, "partner_id", ("name", "address"))
    organisation = _organisation_back(manifests.get("organization", []))
    return tables, organisation


def _overlay(df: pd.DataFrame, native: list[dict], key: str, columns: tuple[str, ...]) -> None:
    """Values as they stand in Fides replace the meta copy (a value Fides lost, e.g. None, does not)."""
    if not native or df.empty:
        return
    nat = pd.DataFrame(native).drop_duplicates(key).set_index(key)
    for col in columns:
        new = df[key].map(nat[col]) if col in nat else pd.Series(pd.NA, index=df.index)
        new = new.astype("string").str.strip()
        df[col] = new.where(new.notna() & new.ne(""), df[col]).astype("str")


def _organisation_back(resources: list[dict]) -> dict:
    if not resources:
        return {}
    org = resources[0]
    controller = org.get("controller") if isinstance(org.get("controller"), dict) else {}
    representative = org.get("representative") if isinstance(org.get("representative"), dict) else {}
    return {
        "name": _value(org.get("name")),
        "name_en": _value(org.get("description")),
        "address": _value(controller.get("address")),
        "representative": _value(representative.get("name")),
        "contact": {"phone": _value(controller.get("phone"))},
        "sources": {"name": "record:Fides data map"},
    }


def import_tables(directory: Path) -> tuple[dict[str, pd.DataFrame], dict]:
    """read_data_map with rows sorted by key within each table (the export grouped them by system)."""
    tables, organisation = read_data_map(directory)
    for name, df in tables.items():
        key = TABLES_BY_NAME[name].key
        if len(df):
            tables[name] = df.sort_values(list(key), kind="stable").reset_index(drop=True)
    return tables, organisation
