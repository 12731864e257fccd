"""`init`: a new, empty ledger with every table's header and an organisation template, or (`init
FILE.xlsx`) a workbook to fill in, with a guide and a few example rows per sheet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from ..errors import UsageError
from ..i18n import t
from ..paths import bundled_inventory
from .schema import EXAMPLE_PREFIX, TABLES
from .synth import write_ledger

ORGANISATION_TEMPLATE = """\
# The organisation whose ledger this is. Leave a value empty when your published policy does not state it:
# the compliance checks report what is missing (e.g. APPI Art.27(5)(iii), Art.32).
# Joint use (共同利用) is recorded per arrangement in joint_uses.csv, each with its manager.
name:               # 名称 (required)
name_en:
entity_type:        # company | association (協同組合等) | individual | unincorporated | public_body
address:            # 住所 (Art.32(1)(i); also the joint-use manager's when joint_uses.csv says manager: self)
representative:     # 代表者 (Art.32(1)(i))
contact:
  department:       # 問合せ・苦情窓口
  phone:
policy_date:        # YYYY-MM-DD
covers_subsidiaries: false
request_procedure:  # 開示等の請求手続 (Art.32(1)(iii))
safety_measures_published: false
sources: {}         # key: policy:<clause> | assumption
"""


def ensure_empty_dir(path: Path) -> None:
    """Refuse to write into a directory that has anything in it: a ledger is never overwritten."""
    if path.exists() and not path.is_dir():
        raise UsageError(t("files.exists_not_dir", path=path))
    if path.is_dir() and any(path.iterdir()):
        raise UsageError(t("files.dir_not_empty", path=path))


def init_ledger(path: Path) -> list[str]:
    """Write an empty ledger into `path` (new or empty). Returns the files written."""
    ensure_empty_dir(path)
    write_ledger({}, path)
    (path / "organisation.yaml").write_text(ORGANISATION_TEMPLATE, encoding="utf-8")
    model = bundled_inventory() / "risk_model.yaml"
    if model.exists():
        shutil.copyfile(model, path / "risk_model.yaml")
    return sorted(p.name for p in path.iterdir())


# --- init FILE.xlsx: a workbook with example rows -----------------------------------------------------

_X = EXAMPLE_PREFIX
_SOURCE = "assumption:見本"
# A few rows per table showing how a co-op's facts are written; every id starts with 例, so import refuses
# them until they are changed or deleted. They are consistent with each other (and valid once renamed).
EXAMPLE_ROWS: dict[str, list[dict[str, str]]] = {
    "items": [
        {"item_id": f"{_X}I001", "name_ja": "氏名", "name_en": "name", "category": "identity",
         "special_care": "false", "my_number": "false", "identifiability": "maximum", "subjects": "member",
         "records": "1000", "retention": "脱退後5年", "acquisition": "direct_written", "system": "組合員管理システム",
         "department_id": f"{_X}D01", "storage_location": "本部サーバ室", "storage_method": "アクセス制御・暗号化",
         "access_holders": "組合員サービス部 担当者", "use_until": "脱退まで", "disposal": "erase",
         "last_confirmed": "2026-04-01", "source": _SOURCE},
        {"item_id": f"{_X}I002", "name_ja": "要介護度", "name_en": "care level", "category": "health_care",
         "special_care": "true", "my_number": "false", "identifiability": "significant",
         "subjects": "service_user", "records": "200", "retention": "契約終了後5年", "acquisition": "direct_written",
         "consent_special_care": "true", "system": "介護記録システム", "department_id": f"{_X}D01",
         "storage_location": "事業所の施錠書庫", "storage_method": "施錠保管", "access_holders": "介護サービス担当者",
         "use_until": "契約終了まで", "disposal": "shred", "last_confirmed": "2026-04-01", "source": _SOURCE},
    ],
    "purposes": [
        {"purpose_id": f"{_X}P01", "text_ja": "商品の供給及び代金の請求のため", "text_en": "supplying goods and billing",
         "kind": "own", "category": "service", "source": _SOURCE},
        {"purpose_id": f"{_X}P02", "text_ja": "介護サービスの提供のため", "text_en": "providing care services",
         "kind": "own", "category": "service", "source": _SOURCE},
    ],
    "uses": [
        {"item_id": f"{_X}I001", "purpose_id": f"{_X}P01", "source": _SOURCE},
        {"item_id": f"{_X}I001", "purpose_id": f"{_X}P02", "source": _SOURCE},
        {"item_id": f"{_X}I002", "purpose_id": f"{_X}P02", "source": _SOURCE},
    ],
    "partners": [
        {"partner_id": f"{_X}PO01", "name": "○○運輸株式会社", "kind": "outsourcee", "entity_type": "company",
         "country": "JP", "contract_date": "2025-04-01",
         "contract_covers": "safety_measures;subcontracting;incident_reporting;audit;return_deletion",
         "last_inspection": "2026-03-15", "subcontracting": "none", "source": _SOURCE},
        {"partner_id": f"{_X}PJ01", "name": "○○生活協同組合連合会", "kind": "joint_user",
         "entity_type": "association", "country": "JP", "source": _SOURCE},
    ],
    "joint_uses": [
        {"joint_use_id": f"{_X}JU1", "title": "商品の共同購入における共同利用", "items_stated": "listed",
         "items": f"{_X}I001", "members": f"{_X}PJ01", "purposes_stated": "listed", "purposes": f"{_X}P01",
         "manager": "self", "start_date": "2025-04-01", "notice_date": "2025-03-01", "source": _SOURCE},
    ],
    "flows": [
        {"flow_id": f"{_X}F0001", "item_id": f"{_X}I001", "partner_id": f"{_X}PO01", "purpose_id": f"{_X}P01",
         "basis": "outsourcing", "direction": "out", "channel": "sftp", "encrypted": "true", "source": _SOURCE},
        {"flow_id": f"{_X}F0002", "item_id": f"{_X}I001", "partner_id": f"{_X}PJ01", "purpose_id": f"{_X}P01",
         "basis": "joint_use", "joint_use_id": f"{_X}JU1", "direction": "out", "channel": "system",
         "encrypted": "true", "source": _SOURCE},
    ],
    "departments": [
        {"department_id": f"{_X}D01", "name": "組合員サービス部", "name_en": "Member Services",
         "manager": "組合員サービス部長", "last_training": "2026-04-10", "source": _SOURCE},
    ],
    "controls": [
        {"control_id": f"{_X}C01", "name": "委託先の年1回の点検", "name_en": "yearly inspection of outsourcees",
         "category": "organisational", "applies_to": f"partner:{_X}PO01", "reduces": "likelihood",
         "effect": "1", "status": "implemented", "evidence": "点検報告書", "last_reviewed": "2026-03-31",
         "source": _SOURCE},
    ],
    "actions": [
        {"action_id": f"{_X}A001", "title": "委託契約に再委託の条件を追記する", "refers_to": f"partner:{_X}PO01",
         "owner": "組合員サービス部", "due": "2026-12-31", "status": "open", "source": _SOURCE},
    ],
    "incidents": [
        {"incident_id": f"{_X}INC-2026-001", "discovered": "2026-05-20", "occurred": "2026-05-19",
         "cause": "misdelivery", "recovered_unread": "true", "partner_id": f"{_X}PO01", "item_ids": f"{_X}I001",
         "people": "1", "appi_duty": "not_a_leak", "mn_duty": "not_involved", "status": "closed",
         "closed_on": "2026-05-22", "action_id": f"{_X}A001",
         "notes": "配達伝票1件を隣家に誤配達、開封前に回収", "source": _SOURCE},
    ],
}  # fmt: skip


def example_tables() -> dict[str, pd.DataFrame]:
    """The example rows as ledger text frames (every schema column, in order)."""
    return {
        t.name: pd.DataFrame(EXAMPLE_ROWS.get(t.name, []), columns=t.column_names, dtype="str")
        for t in TABLES
    }


def init_workbook(path: Path) -> None:
    """Write a workbook to fill in (`init FILE.xlsx`): the guide, every sheet with its dropdowns, a few
    example rows per sheet (ids starting with 例) and the matrix. Refuses an existing file."""
    from .excel import export_workbook

    if path.exists():
        raise UsageError(t("files.file_exists", path=path))
    if not path.parent.is_dir():
        raise UsageError(t("files.no_folder", path=path.parent))
    export_workbook(example_tables(), {}, path)
