"""risk_model.yaml: loading and validation. Every number the scoring uses comes from this file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from .errors import ConfigError, UsageError
from .schema import CHANNEL, ITEM_CATEGORY, PARTNER_KIND
from .textio import UnreadableText, read_text

MODEL_FILE = "risk_model.yaml"
SEVERITY_FACTORS = ("special_care", "my_number", "property_damage", "identifiability", "volume")
LIKELIHOOD_FACTORS = (
    "foreign_country",
    "channel",
    "unencrypted",
    "no_contract",
    "inspection_overdue",
    "subcontracting_unknown",
)


@dataclass(frozen=True)
class RiskModel:
    """The parsed model. `raw` keeps the YAML (labels, sources) for explanations and reports."""

    raw: dict[str, Any]
    file: str
    category_base: dict[str, int]
    kind_base: dict[str, int]
    severity: dict[str, dict[str, Any]]
    likelihood: dict[str, dict[str, Any]]
    levels: tuple[str, ...]  # ordered, lowest first
    grid: np.ndarray  # [severity-1, likelihood-1] -> level index
    high_levels: frozenset[str]
    max_reduction: int

    def level_label(self, level: str, lang: str = "ja") -> str:
        return self.raw["matrix"]["names"][level][lang]

    def scale_label(self, value: int, lang: str = "ja") -> str:
        return self.raw["levels"]["names"][value][lang]

    def factor_label(self, name: str, lang: str = "ja") -> str:
        spec = self.severity.get(name) or self.likelihood.get(name) or {}
        return spec.get(lang, name)

    def factor_source(self, name: str) -> str:
        if name == "category_base":
            return self.raw["severity"]["category_base"]["source"]
        if name == "partner_kind_base":
            return self.raw["likelihood"]["partner_kind_base"]["source"]
        spec = self.severity.get(name) or self.likelihood.get(name) or {}
        return spec.get("source", "")


def _get(node: Any, path: str, file: str) -> Any:
    cur = node
    for part in path.split("."):
        if not isinstance(cur, dict) or part not in cur:
            raise ConfigError(file, path, None, "this key to be present")
        cur = cur[part]
    return cur


def _level_value(value: Any, key: str, file: str, low: int = 1, high: int = 4) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ConfigError(file, key, value, f"a whole number from {low} to {high}")
    return value


def _adjust(value: Any, key: str, file: str) -> int:
    return _level_value(value, key, file, -3, 3)


def _complete_map(node: Any, key: str, file: str, expected_keys: dict, parse) -> dict[str, int]:
    if not isinstance(node, dict):
        raise ConfigError(file, key, node, "a mapping")
    for name in node:
        if name not in expected_keys:
            raise ConfigError(file, f"{key}.{name}", name, "one of " + ", ".join(expected_keys))
    for name in expected_keys:
        if name not in node:
            raise ConfigError(file, f"{key}.{name}", None, "a value for every " + key.split(".")[-2])
    return {name: parse(node[name], f"{key}.{name}", file) for name in expected_keys}


def _factors(node: Any, key: str, file: str, known: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    if not isinstance(node, dict):
        raise ConfigError(file, key, node, "a mapping of factors")
    for name, spec in node.items():
        if name not in known:
            raise ConfigError(file, f"{key}.{name}", name, "a known factor: " + ", ".join(known))
        if not isinstance(spec, dict) or not spec.get("source"):
            raise ConfigError(file, f"{key}.{name}.source", None, "a citation of the method or 'assumption'")
        if "add" in spec:
            _adjust(spec["add"], f"{key}.{name}.add", file)
        if "values" in spec:
            if not isinstance(spec["values"], dict):
                raise ConfigError(file, f"{key}.{name}.values", spec["values"], "a mapping")
            for v, n in spec["values"].items():
                _adjust(n, f"{key}.{name}.values.{v}", file)
    return dict(node)


def parse_model(raw: Any, file: str = MODEL_FILE) -> RiskModel:
    if not isinstance(raw, dict):
        raise ConfigError(file, "(top level)", type(raw).__name__, "a mapping")
    for scale in ("levels.names", "severity.category_base", "likelihood.partner_kind_base", "matrix.grid"):
        _get(raw, scale, file)
    names = _get(raw, "levels.names", file)
    if sorted(names) != [1, 2, 3, 4]:
        raise ConfigError(file, "levels.names", sorted(names), "exactly the levels 1, 2, 3, 4")
    category_base = _complete_map(
        _get(raw, "severity.category_base.values", file),
        "severity.category_base.values",
        file,
        ITEM_CATEGORY,
        _level_value,
    )
    kind_base = _complete_map(
        _get(raw, "likelihood.partner_kind_base.values", file),
        "likelihood.partner_kind_base.values",
        file,
        PARTNER_KIND,
        _level_value,
    )
    severity = _factors(
        raw["severity"].get("adjustments", {}), "severity.adjustments", file, SEVERITY_FACTORS
    )
    likelihood = _factors(
        raw["likelihood"].get("adjustments", {}), "likelihood.adjustments", file, LIKELIHOOD_FACTORS
    )
    if "channel" in likelihood:
        for ch in likelihood["channel"]["values"]:
            if ch not in CHANNEL:
                raise ConfigError(file, f"likelihood.adjustments.channel.values.{ch}", ch, "a channel")
    levels = tuple(_get(raw, "matrix.levels", file))
    grid_raw = _get(raw, "matrix.grid", file)
    if not (
        isinstance(grid_raw, list)
        and len(grid_raw) == 4
        and all(isinstance(r, list) and len(r) == 4 for r in grid_raw)
    ):
        raise ConfigError(file, "matrix.grid", grid_raw, "4 rows (severity 1–4) of 4 levels (likelihood 1–4)")
    index = {name: i for i, name in enumerate(levels)}
    grid = np.zeros((4, 4), dtype=np.int8)
    for s, row in enumerate(grid_raw):
        for li, name in enumerate(row):
            if name not in index:
                raise ConfigError(file, f"matrix.grid[{s}][{li}]", name, "one of " + ", ".join(levels))
            grid[s, li] = index[name]
    # A worse severity or likelihood must never give a better level.
    for s in range(4):
        for li in range(4):
            if (s and grid[s, li] < grid[s - 1, li]) or (li and grid[s, li] < grid[s, li - 1]):
                raise ConfigError(
                    file,
                    f"matrix.grid[{s}][{li}]",
                    grid_raw[s][li],
                    "a level no lower than the cells above and to the left (monotone matrix)",
                )
    high = frozenset(_get(raw, "matrix.high_levels", file))
    if not high <= set(levels):
        raise ConfigError(file, "matrix.high_levels", sorted(high), "levels listed in matrix.levels")
    max_red = _level_value(_get(raw, "residual.max_reduction", file), "residual.max_reduction", file, 0, 3)
    return RiskModel(raw, file, category_base, kind_base, severity, likelihood, levels, grid, high, max_red)


def model_path(ledger_dir: Path | None) -> Path:
    """The ledger's own risk_model.yaml, or the bundled one."""
    from .paths import bundled_inventory

    if ledger_dir is not None:
        folder = Path(ledger_dir)
        folder = folder.parent if folder.is_file() else folder  # a workbook: its folder's model, if any
        if (folder / MODEL_FILE).is_file():
            return folder / MODEL_FILE
    return bundled_inventory() / MODEL_FILE


def load_model(path: str | Path | None = None) -> RiskModel:
    p = Path(path) if path is not None else model_path(None)
    if not p.is_file():
        raise UsageError(f"{p}: no such risk model file")
    try:
        raw = yaml.safe_load(read_text(p))
    except UnreadableText as exc:
        raise UsageError(f"{p}: {exc.detail}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(parse)"
        raise ConfigError(str(p), where, None, f"valid YAML ({getattr(exc, 'problem', exc)})") from None
    return parse_model(raw, str(p))
