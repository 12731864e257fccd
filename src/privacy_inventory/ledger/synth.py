"""Synthetic ledgers of any size: valid, referentially consistent, deterministic per seed.

Used by tests (small ledgers with known shape) and benchmarks (a million flows). Vectorised with numpy,
so generating is fast enough to be part of a benchmark run.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .schema import (
    STATUTORY_BASES,
    TABLES_BY_NAME,
    Channel,
    ContractTerm,
    ControlCategory,
    PurposeCategory,
)

# An arrangement lists its items while there are few; a big ledger states "all items" (one cell of
# thousands of ids helps no reader, and Excel holds at most 32,767 characters in a cell).
MAX_LISTED_ITEMS = 300
N_ARRANGEMENTS = 3

_ITEM_POOL = [  # (name_ja, name_en, category, special_care, my_number, property_damage)
    ("氏名", "name", "identity", False, False, False),
    ("住所", "address", "contact", False, False, False),
    ("電話番号", "phone", "contact", False, False, False),
    ("メールアドレス", "email", "contact", False, False, False),
    ("生年月日", "date of birth", "demographic", False, False, False),
    ("組合員番号", "member number", "membership", False, False, False),
    ("購買履歴", "purchase history", "transaction", False, False, False),
    ("嗜好", "preferences", "behavioural", False, False, False),
    ("登録口座", "bank account", "financial", False, False, True),
    ("利用金額", "amount of use", "financial", False, False, False),
    ("苦情内容", "complaint", "complaint", False, False, False),
    ("要介護度", "care need", "health_care", True, False, False),
    ("傷病情報", "illness details", "health_care", True, False, False),
    ("個人番号", "My Number", "my_number", False, True, False),
    ("人事情報", "HR record", "employment", False, False, False),
]
_POOL_WEIGHTS = np.array([10, 10, 8, 6, 6, 6, 10, 5, 5, 6, 4, 2, 2, 1, 3], dtype=float)
_PARTNER_KINDS = ["joint_user", "outsourcee", "sub_outsourcee", "third_party", "statutory", "entrusting_coop"]
_PARTNER_WEIGHTS = np.array([0.15, 0.55, 0.1, 0.1, 0.07, 0.03])
_BASIS_OF_KIND = {
    "joint_user": "joint_use",
    "outsourcee": "outsourcing",
    "sub_outsourcee": "outsourcing",
    "third_party": "consent",
    "entrusting_coop": "inbound_entrusted",
}
_COUNTRIES = np.array(["JP", "JP", "JP", "JP", "JP", "JP", "JP", "JP", "US", "SG", "DE"])
_SUBJECTS = np.array(["member", "member", "member", "service_user", "employee"])
_STORAGE = np.array(  # (system, where it is kept, how it is kept)
    [
        ("合成システムA", "本部サーバ室", "アクセス制御・暗号化"),
        ("合成システムB", "委託先データセンター", "アクセス制御"),
        ("合成システムC", "事業所の端末", "端末の施錠・アクセス制御"),
        ("紙の台帳", "事務室の書庫", "施錠保管"),
    ]
)
_DISPOSALS = np.array(["erase", "shred;erase", "dissolve;erase", "shred", "contractor"])


@dataclass(frozen=True)
class SynthSpec:
    items: int = 200
    partners: int = 40
    flows: int = 1000
    seed: int = 0


def _dates(rng: np.random.Generator, n: int, start: str = "2019-01-01", span_days: int = 2600) -> np.ndarray:
    return (np.datetime64(start) + rng.integers(0, span_days, n)).astype(str)


def _bool_text(a: np.ndarray) -> np.ndarray:
    return np.where(a, "true", "false")


def _ids(prefix: str, n: int, width: int) -> np.ndarray:
    return (
        np.array([f"{prefix}{i:0{width}d}" for i in range(1, n + 1)], dtype=str)
        if n < 1000
        else np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))
    )


def generate(spec: SynthSpec) -> dict[str, pd.DataFrame | dict]:
    """All tables of a synthetic ledger as text frames (and the organisation mapping)."""
    if spec.items < 1 or spec.partners < 1 or spec.flows < 0:
        raise ValueError("a synthetic ledger needs at least one item and one partner")
    rng = np.random.default_rng(spec.seed)
    n_dep = int(min(50, max(3, spec.items // 500)))
    n_pur = 20 + spec.items // 1000

    departments = pd.DataFrame(
        {
            "department_id": _ids("D", n_dep, 3),
            "name": np.char.add("部門", np.arange(1, n_dep + 1).astype(str)),
            "manager": np.char.add("部門長", np.arange(1, n_dep + 1).astype(str)),
            "last_training": _dates(rng, n_dep, "2024-06-01", 900),
            "source": "synthetic",
        }
    )

    pool = rng.choice(len(_ITEM_POOL), size=spec.items, p=_POOL_WEIGHTS / _POOL_WEIGHTS.sum())
    cols = list(zip(*_ITEM_POOL, strict=True))
    name_ja, name_en, category, sc, mn, pdm = (np.array(c)[pool] for c in cols)
    item_ids = _ids("I", spec.items, 6)
    items = pd.DataFrame(
        {
            "item_id": item_ids,
            "name_ja": np.char.add(name_ja.astype(str), np.char.add("・", item_ids)),
            "name_en": np.char.add(name_en.astype(str), np.char.add(" ", item_ids)),
            "category": category,
            "special_care": _bool_text(sc.astype(bool)),
            "my_number": _bool_text(mn.astype(bool)),
            "identifier_code": _bool_text(mn.astype(bool)),
            "property_damage": _bool_text(pdm.astype(bool)),
            "identifiability": rng.choice(["negligible", "limited", "significant", "maximum"], spec.items),
            "subjects": np.where(mn.astype(bool), "employee", rng.choice(_SUBJECTS, spec.items)),
            "records": np.exp(rng.normal(8, 2, spec.items)).astype(np.int64).clip(1, 5_000_000).astype(str),
            "retention": np.where(rng.random(spec.items) < 0.9, "5年", ""),
            "acquisition": rng.choice(["direct_written", "direct_oral", "generated"], spec.items),
            "consent_special_care": np.where(sc.astype(bool), _bool_text(rng.random(spec.items) < 0.9), ""),
            "department_id": departments["department_id"].to_numpy()[rng.integers(0, n_dep, spec.items)],
            "source": "synthetic",
        }
    )
    _ledger_practice(items, departments, spec)

    pur_ids = _ids("P", n_pur, 3)
    mn_purpose = pur_ids[-1]  # the last purpose is the My Number affairs purpose
    purposes = pd.DataFrame(
        {
            "purpose_id": pur_ids,
            "text_ja": np.char.add("合成の利用目的", np.arange(1, n_pur + 1).astype(str)),
            "text_en": np.char.add("synthetic purpose ", np.arange(1, n_pur + 1).astype(str)),
            "kind": "own",
            "category": np.where(
                pur_ids == mn_purpose,
                str(PurposeCategory.legal_obligation),
                np.resize(np.array([c for c in PurposeCategory.codes() if c != "legal_obligation"]), n_pur),
            ),
            "my_number_affairs": _bool_text(pur_ids == mn_purpose),
            "source": "synthetic",
        }
    )

    # uses: each item 1–3 distinct purposes; My Number items only the My Number purpose
    per_item = rng.integers(1, 4, spec.items)
    use_item = np.repeat(np.arange(spec.items), per_item)
    offsets = np.concatenate([np.arange(k) for k in per_item]) if spec.items else np.array([], int)
    first = rng.integers(0, n_pur - 1, spec.items)
    use_pur = (first[use_item] + offsets) % (n_pur - 1)
    use_pur_ids = pur_ids[use_pur]
    is_mn_item = mn.astype(bool)
    use_pur_ids = np.where(is_mn_item[use_item], mn_purpose, use_pur_ids)
    uses = pd.DataFrame({"item_id": item_ids[use_item], "purpose_id": use_pur_ids, "source": "synthetic"})
    uses = uses.drop_duplicates(["item_id", "purpose_id"], ignore_index=True)

    kinds = rng.choice(_PARTNER_KINDS, spec.partners, p=_PARTNER_WEIGHTS)
    kinds[0] = "outsourcee"  # sub-outsourcees need a parent
    part_ids = _ids("PT", spec.partners, 5)
    outsourcers = part_ids[kinds == "outsourcee"]
    country = np.where(
        np.isin(kinds, ["statutory", "entrusting_coop"]), "JP", rng.choice(_COUNTRIES, spec.partners)
    )
    contracted = np.isin(kinds, ["outsourcee", "sub_outsourcee"])
    all_terms = ";".join(ContractTerm.codes())
    some_terms = ";".join(ContractTerm.codes()[:3])
    # joint users belong to one of the arrangements; each arrangement's first member manages it
    arrangement = np.where(kinds == "joint_user", rng.integers(1, N_ARRANGEMENTS + 1, spec.partners) - 1, -1)
    more = np.random.default_rng([spec.seed, 1])  # values added later draw from their own stream
    partners = pd.DataFrame(
        {
            "partner_id": part_ids,
            "name": np.char.add("合成パートナー", part_ids),
            "kind": kinds,
            "entity_type": np.where(
                kinds == "statutory",
                "public_body",
                more.choice(["company", "company", "association", "individual"], spec.partners),
            ),
            "country": country,
            "transfer_basis": np.where(
                (country != "JP") & (rng.random(spec.partners) < 0.7),
                rng.choice(["consent", "equivalent_country", "standard_system"], spec.partners),
                "",
            ),
            "address": np.char.add("合成県合成市", np.arange(1, spec.partners + 1).astype(str)),
            "representative": np.char.add("代表者", np.arange(1, spec.partners + 1).astype(str)),
            "contract_date": np.where(contracted, _dates(rng, spec.partners, "2015-01-01", 3000), ""),
            "contract_covers": np.where(
                contracted, np.where(more.random(spec.partners) < 0.8, all_terms, some_terms), ""
            ),
            "last_inspection": np.where(
                contracted & (rng.random(spec.partners) < 0.85),
                _dates(rng, spec.partners, "2023-01-01", 1400),
                "",
            ),
            "subcontracting": np.where(
                contracted, rng.choice(["none", "known", "unknown"], spec.partners), ""
            ),
            "parent_partner_id": np.where(
                kinds == "sub_outsourcee", outsourcers[rng.integers(0, len(outsourcers), spec.partners)], ""
            ),
            "subcontract_permitted_on": np.where(
                (kinds == "sub_outsourcee") & (more.random(spec.partners) < 0.7),
                _dates(more, spec.partners, "2019-01-01", 1500),
                "",
            ),
            "source": "synthetic",
        }
    )

    # flows: a (item, purpose) use and a partner each; the basis follows the partner's kind
    pick = rng.integers(0, len(uses), spec.flows)
    fpart = rng.integers(0, spec.partners, spec.flows)
    fkind = kinds[fpart]
    basis = pd.Series(fkind).map(_BASIS_OF_KIND).to_numpy(dtype=object)
    statutory = fkind == "statutory"
    basis[statutory] = rng.choice([str(b) for b in STATUTORY_BASES], int(statutory.sum()))
    fitem = uses["item_id"].to_numpy()[pick]
    fpurpose = np.where(statutory, "", uses["purpose_id"].to_numpy()[pick])
    fjoint = np.where(basis == "joint_use", np.char.add("JU", (arrangement[fpart] + 1).astype(str)), "")
    flows = pd.DataFrame(
        {
            "flow_id": _ids("F", spec.flows, 7),
            "item_id": fitem,
            "partner_id": part_ids[fpart],
            "purpose_id": fpurpose,
            "basis": basis.astype(str),
            "joint_use_id": fjoint,
            "direction": np.where(fkind == "entrusting_coop", "in", "out"),
            "channel": rng.choice(Channel.codes(), spec.flows),
            "encrypted": _bool_text(rng.random(spec.flows) < 0.6),
            "records": np.where(
                rng.random(spec.flows) < 0.5, rng.integers(1, 200_000, spec.flows).astype(str), ""
            ),
            "record_kept": np.where(basis == "consent", _bool_text(rng.random(spec.flows) < 0.8), ""),
            "start_date": _dates(more, spec.flows, "2021-01-01", 1800),
            "source": "synthetic",
        }
    )
    joint_uses = _joint_uses(part_ids, arrangement, flows)

    n_ctl = 10 + spec.partners // 20
    scope_kind = rng.choice(["all", "item", "partner", "department"], n_ctl, p=[0.2, 0.3, 0.4, 0.1])
    scope = np.select(
        [scope_kind == "item", scope_kind == "partner", scope_kind == "department"],
        [
            np.char.add("item:", item_ids[rng.integers(0, spec.items, n_ctl)]),
            np.char.add("partner:", part_ids[rng.integers(0, spec.partners, n_ctl)]),
            np.char.add(
                "department:", departments["department_id"].to_numpy()[rng.integers(0, n_dep, n_ctl)]
            ),
        ],
        "all",
    )
    controls = pd.DataFrame(
        {
            "control_id": _ids("C", n_ctl, 4),
            "name": np.char.add("合成の安全管理措置", np.arange(1, n_ctl + 1).astype(str)),
            "category": np.resize(np.array(ControlCategory.codes()), n_ctl),
            "applies_to": scope,
            "reduces": rng.choice(["likelihood", "likelihood", "severity"], n_ctl),
            "effect": rng.integers(0, 3, n_ctl).astype(str),
            "status": rng.choice(["implemented", "implemented", "planned"], n_ctl),
            "last_reviewed": _dates(rng, n_ctl, "2025-01-01", 600),
            "source": "synthetic",
        }
    )

    n_act = 5 + spec.partners // 50
    status = rng.choice(["open", "in_progress", "done"], n_act)
    actions = pd.DataFrame(
        {
            "action_id": _ids("A", n_act, 4),
            "title": np.char.add("合成の改善処置", np.arange(1, n_act + 1).astype(str)),
            "refers_to": np.char.add("partner:", part_ids[rng.integers(0, spec.partners, n_act)]),
            "owner": "管理部",
            "due": _dates(rng, n_act, "2026-01-01", 540),
            "status": status,
            "closed_on": np.where(status == "done", _dates(rng, n_act, "2026-01-01", 300), ""),
            "evidence": np.where(status == "done", "記録あり", ""),
            "source": "synthetic",
        }
    )

    incidents = _incidents(spec, item_ids, part_ids, actions["action_id"].to_numpy())

    organisation = {
        "name": f"合成生活協同組合（seed {spec.seed}）",
        "name_en": f"Synthetic co-op (seed {spec.seed})",
        "entity_type": "association",
        "address": "山口県山口市（合成）",
        "representative": "理事長（合成）",
        "contact": {"department": "管理部", "phone": "000-000-0000"},
        "policy_date": "2020-04-01",
        "request_procedure": "管理部へ書面で請求",
        "safety_measures_published": True,
        "sources": {"name": "synthetic"},
    }
    return {
        "organisation": organisation,
        "items": items,
        "purposes": purposes,
        "uses": uses,
        "partners": partners,
        "joint_uses": joint_uses,
        "flows": flows,
        "departments": departments,
        "controls": controls,
        "actions": actions,
        "incidents": incidents,
    }


def _incidents(
    spec: SynthSpec, item_ids: np.ndarray, part_ids: np.ndarray, action_ids: np.ndarray
) -> pd.DataFrame:
    """A small incident register: causes, scopes and dates drawn at random; the duties follow the
    people affected (more than 1,000: a report with its 5-day guidance and 30-day deadline). The
    generator's own stream, so adding it left every other table of a seed unchanged."""
    rng = np.random.default_rng([spec.seed, 14])
    n = 3 + spec.partners // 100
    discovered = np.datetime64("2026-01-05") + rng.integers(0, 330, n)
    people = rng.integers(1, 3000, n)
    required = people > 1000
    cause = rng.choice(["loss", "misdelivery", "accidental_publication"], n)
    closed = rng.random(n) < 0.5

    def later(days: int, when: np.ndarray = required) -> np.ndarray:
        return np.where(when, (discovered + days).astype(str), "")

    return pd.DataFrame(
        {
            "incident_id": _ids("INC", n, 4),
            "discovered": discovered.astype(str),
            "cause": cause,
            "partner_id": part_ids[rng.integers(0, len(part_ids), n)],
            "item_ids": np.char.add(
                np.char.add(item_ids[rng.integers(0, len(item_ids), n)], ";"),
                item_ids[rng.integers(0, len(item_ids), n)],
            ),
            "people": people.astype(str),
            "appi_duty": np.where(required, "required", "not_reportable"),
            "mn_duty": "not_involved",
            "appi_preliminary_due": later(5),
            "appi_preliminary_sent": later(4),
            "appi_final_due": later(30),
            "appi_final_sent": later(25, required & closed),
            "notice_due": later(30),
            "notice_sent": later(10),
            "status": np.where(closed, "closed", "open"),
            "closed_on": np.where(closed, (discovered + 40).astype(str), ""),
            "action_id": action_ids[rng.integers(0, len(action_ids), n)],
            "source": "synthetic",
        }
    )


def _joint_uses(part_ids: np.ndarray, arrangement: np.ndarray, flows: pd.DataFrame) -> pd.DataFrame:
    """One row per arrangement that has joint users: its members, the items its flows carry (or "all"),
    the organisation's own purposes by reference, managed by the organisation itself or by its first member."""
    rows = []
    ju = flows[flows["basis"] == "joint_use"]
    items_of = ju.groupby("joint_use_id")["item_id"].unique()
    for k in range(N_ARRANGEMENTS):
        members = part_ids[arrangement == k]
        if len(members) == 0:
            continue
        jid = f"JU{k + 1}"
        items = sorted(items_of.get(jid, []))
        listed = 0 < len(items) <= MAX_LISTED_ITEMS
        rows.append({
            "joint_use_id": jid,
            "title": f"合成の共同利用{k + 1}",
            "items_stated": "listed" if listed else "all",
            "items": ";".join(items) if listed else "",
            "members": ";".join(members),
            "purposes_stated": "same_as_own",
            "manager": "self" if k % 2 == 0 else f"partner:{members[0]}",
            "start_date": "2021-01-01",
            "notice_date": "2020-04-01",
            "source": "synthetic",
        })  # fmt: skip
    return pd.DataFrame(rows, columns=TABLES_BY_NAME["joint_uses"].column_names)


def _ledger_practice(items: pd.DataFrame, departments: pd.DataFrame, spec: SynthSpec) -> None:
    """Where and how items are kept, who may access them, until when, how they are disposed of and when
    the row was last confirmed. Drawn from a generator of their own (seed, 1) so that adding these
    columns left every other synthetic value as it was."""
    rng = np.random.default_rng([spec.seed, 1])
    n = len(items)
    storage = _STORAGE[rng.integers(0, len(_STORAGE), n)]
    manager = pd.Series(departments["name"].to_numpy(), index=departments["department_id"].to_numpy())
    items["system"] = storage[:, 0]
    items["storage_location"] = storage[:, 1]
    items["storage_method"] = storage[:, 2]
    items["access_holders"] = manager.reindex(items["department_id"].to_numpy()).to_numpy() + "の担当者"
    items["use_until"] = np.where(rng.random(n) < 0.9, "利用目的の達成まで", "")
    items["disposal"] = np.where(rng.random(n) < 0.95, _DISPOSALS[rng.integers(0, len(_DISPOSALS), n)], "")
    items["last_confirmed"] = np.where(rng.random(n) < 0.97, _dates(rng, n, "2025-01-01", 700), "")


def write_ledger(tables: dict[str, pd.DataFrame | dict], out: Path) -> None:
    """Write tables (text frames) as a ledger directory, every schema column present, in schema order."""
    out.mkdir(parents=True, exist_ok=True)
    for name, table in TABLES_BY_NAME.items():
        df = tables.get(name)
        df = pd.DataFrame(columns=table.column_names) if df is None else df
        df = df.reindex(columns=table.column_names, fill_value="")
        df.to_csv(out / table.file, index=False, encoding="utf-8", lineterminator="\n")
    org = tables.get("organisation") or {}
    (out / "organisation.yaml").write_text(yaml.safe_dump(org, allow_unicode=True, sort_keys=False), "utf-8")


def synthesize(out: Path, spec: SynthSpec) -> dict[str, int]:
    tables = generate(spec)
    write_ledger(tables, out)
    from ..paths import bundled_inventory

    model = bundled_inventory() / "risk_model.yaml"
    if model.exists():
        (out / "risk_model.yaml").write_bytes(model.read_bytes())
    return {k: len(v) for k, v in tables.items() if isinstance(v, pd.DataFrame)}


def synthetic_inventory(spec: SynthSpec):
    """The same synthetic ledger as an in-memory Inventory (no files), for tests and benchmarks."""
    from .inventory import Inventory
    from .load import typed

    tables = generate(spec)
    frames = {}
    for name, table in TABLES_BY_NAME.items():
        text = tables[name].reindex(columns=table.column_names, fill_value="").astype("str")
        frames[name] = typed(table, text.replace("", pd.NA).astype("str"))
    return Inventory(
        path=Path(f"<synthetic seed {spec.seed}>"), organisation=tables["organisation"], **frames
    )
