"""`init`: a new, empty ledger with every table's header and an organisation template."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UsageError
from ..paths import bundled_inventory
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
        raise UsageError(f"{path}: exists and is not a directory")
    if path.is_dir() and any(path.iterdir()):
        raise UsageError(f"{path}: directory is not empty; choose a new or empty directory")


def init_ledger(path: Path) -> list[str]:
    """Write an empty ledger into `path` (new or empty). Returns the files written."""
    ensure_empty_dir(path)
    write_ledger({}, path)
    (path / "organisation.yaml").write_text(ORGANISATION_TEMPLATE, encoding="utf-8")
    model = bundled_inventory() / "risk_model.yaml"
    if model.exists():
        shutil.copyfile(model, path / "risk_model.yaml")
    return sorted(p.name for p in path.iterdir())
