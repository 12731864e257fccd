"""risk_model.yaml, declared: every number the scoring and the breach triage use comes from this file.

The file's shape is declared below (pydantic, unknown keys forbidden), so a misspelt key anywhere — the
`breach` section included — is a ConfigError naming the file, the dotted path and what was expected.
What a declaration cannot say (every category scored, a monotone matrix, known level names) is checked
after parsing, with the same kind of error.

The breach keys added for issue 14 (breach.enisa.adjustments, breach.appi.notice_days and the My Number
report days) are optional, so that a ledger's own risk_model.yaml written before them still loads for
scoring and checks; the breach triage raises a ConfigError naming the key when it needs one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ..errors import ConfigError, UsageError, os_reason
from ..i18n import Vocabulary, t
from ..ledger.schema import (
    Adjustment,
    Availability,
    Cause,
    Channel,
    Confidentiality,
    Identifiability,
    Integrity,
    ItemCategory,
    PartnerKind,
    Subject,
)
from ..ledger.textio import UnreadableText, read_text
from ..ledger.validate import choices
from ..ledger.yamlin import load_yaml, yaml_error_line, yaml_error_text
from ..paths import bundled_inventory
from ..texts import TEXTS

MODEL_FILE = "risk_model.yaml"
DEFAULT_INSPECTION_MONTHS = 12  # used by the rules when the model has no inspection_overdue factor

Level = Annotated[int, Field(ge=1, le=4, strict=True)]
Adjust = Annotated[int, Field(ge=-3, le=3, strict=True)]
Share = Annotated[float, Field(ge=0, le=1)]
Points = Annotated[int | float, Field(ge=0)]  # kept as written: 0 stays 0 in reports
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Labels(_Strict):
    ja: Text
    en: Text


class _Factor(_Strict):
    """A contribution to severity or likelihood, with its labels and the method it comes from."""

    ja: Text
    en: Text
    source: Text = Field(description="a citation of the method, or 'assumption'")


class Flag(_Factor):
    add: Adjust = 0


class ValueFactor(_Factor):
    values: dict[str, Adjust]


class Volume(Flag):
    over: Annotated[int, Field(ge=0, strict=True)]


class Foreign(Flag):
    domestic: list[str] = ["JP"]
    equivalent: list[str] = []
    equivalent_add: Adjust = 0


class Unencrypted(Flag):
    channels: list[Channel]


class ForKinds(Flag):
    kinds: list[PartnerKind]


class Inspection(ForKinds):
    interval_months: Annotated[int, Field(ge=1, strict=True)]


class Base(_Strict):
    source: Text
    values: dict[str, Level]


class SeverityAdjustments(_Strict):
    special_care: Flag | None = None
    my_number: Flag | None = None
    property_damage: Flag | None = None
    identifiability: ValueFactor | None = None
    volume: Volume | None = None


class LikelihoodAdjustments(_Strict):
    foreign_country: Foreign | None = None
    channel: ValueFactor | None = None
    unencrypted: Unencrypted | None = None
    no_contract: ForKinds | None = None
    inspection_overdue: Inspection | None = None
    subcontracting_unknown: ForKinds | None = None


class SeveritySpec(_Strict):
    category_base: Base
    adjustments: SeverityAdjustments = SeverityAdjustments()


class LikelihoodSpec(_Strict):
    partner_kind_base: Base
    adjustments: LikelihoodAdjustments = LikelihoodAdjustments()


class Scale(_Strict):
    source: Text
    names: dict[Literal[1, 2, 3, 4], Labels]


class Matrix(_Strict):
    source: Text
    levels: Annotated[list[Text], Field(min_length=2)]
    names: dict[str, Labels]
    grid: list[list[str]]
    high_levels: list[str]


class Residual(_Strict):
    source: Text
    max_reduction: Annotated[int, Field(ge=0, le=3, strict=True)]


# --- breach triage (ENISA 2013, APPI Art.26, My Number) ----------------------------------------------


class EnisaType(Vocabulary):
    """ENISA (2013) data-processing-context types."""

    simple = "simple", "基本的な個人情報", "simple"
    behavioural = "behavioural", "行動に関する情報", "behavioural"
    financial = "financial", "財務情報", "financial"
    sensitive = "sensitive", "機微な情報", "sensitive"


class Vulnerable(_Strict):
    subjects: list[Subject]
    add: Adjust = 1
    source: Text


class CircumstanceScores(_Strict):
    """CB points of each level (keys: the Confidentiality, Integrity, Availability codes)."""

    confidentiality: dict[str, Points]
    integrity: dict[str, Points]
    availability: dict[str, Points]
    malicious: Points


class Circumstances(_Strict):
    """A cause's default circumstances; an incident may state its own."""

    confidentiality: str
    integrity: str
    availability: str
    malicious: bool = False  # intent: ENISA's +CB and APPI's "unlawful purpose" (PPC Rules Art.7(iii))
    publicly_viewable: bool = False  # My Number breach rules Art.2(iii): viewable by unspecified persons


class EnisaAdjustment(_Strict):
    """One ENISA contextual adjustment: DPC points per data type it applies to, and/or a ceiling on EI."""

    dpc: dict[EnisaType, Adjust] = {}
    ei_at_most: Identifiability | None = None
    source: Text


# One optional entry per Adjustment code (a misspelt code is an unknown key), plus the citation.
Adjustments = create_model(
    "Adjustments",
    __base__=_Strict,
    source=(Text, ...),
    **{code: (EnisaAdjustment | None, None) for code in Adjustment.codes()},
)


class Bands(_Strict):
    medium: float
    high: float
    very_high: float


class Enisa(_Strict):
    source: Text
    dpc_base: dict[EnisaType, Level]
    category_dpc: dict[ItemCategory, EnisaType]
    vulnerable_subjects: Vulnerable | None = None
    ei: dict[Identifiability, Share]
    cb: CircumstanceScores
    bands: Bands
    causes: dict[str, Circumstances | str]  # cause → circumstances; `source` cites the mapping
    adjustments: Adjustments | None = None  # optional: older model files


Days = Annotated[int, Field(ge=1, strict=True)]
PreliminaryDays = Annotated[list[Annotated[int, Field(ge=0)]], Field(min_length=2, max_length=2)]


class Appi(_Strict):
    source: Text
    people_threshold: Annotated[int, Field(ge=0, strict=True)]
    preliminary_days: PreliminaryDays
    final_days: Days
    final_days_unlawful: Days
    unlawful_causes: list[str]  # causes presumed malicious; must agree with their circumstances
    notice_days: Days | None = None  # target for the notice to the individuals ("promptly": an assumption)


class MyNumberBreach(_Strict):
    source: Text
    people_threshold: Annotated[int, Field(ge=0, strict=True)]
    # Optional so that risk_model.yaml files written before they existed still load; the triage asks for
    # them (a ConfigError naming the key) only when a My Number report is due.
    preliminary_days: PreliminaryDays | None = None
    final_days: Days | None = None
    final_days_unlawful: Days | None = None


class Breach(_Strict):
    enisa: Enisa
    appi: Appi
    my_number: MyNumberBreach


class ModelFile(_Strict):
    version: int = 1
    levels: Scale
    severity: SeveritySpec
    likelihood: LikelihoodSpec
    matrix: Matrix
    residual: Residual
    breach: Breach


@dataclass(frozen=True)
class RiskModel:
    """The parsed model. `raw` keeps the YAML as read; `spec` is its typed form."""

    raw: dict[str, Any]
    file: str
    spec: ModelFile
    grid: np.ndarray  # [severity-1, likelihood-1] -> level index

    @property
    def category_base(self) -> dict[str, int]:
        return self.spec.severity.category_base.values

    @property
    def kind_base(self) -> dict[str, int]:
        return self.spec.likelihood.partner_kind_base.values

    @property
    def severity(self) -> SeverityAdjustments:
        return self.spec.severity.adjustments

    @property
    def likelihood(self) -> LikelihoodAdjustments:
        return self.spec.likelihood.adjustments

    @property
    def levels(self) -> tuple[str, ...]:
        """Risk levels, lowest first."""
        return tuple(self.spec.matrix.levels)

    @property
    def high_levels(self) -> frozenset[str]:
        return frozenset(self.spec.matrix.high_levels)

    @property
    def max_reduction(self) -> int:
        return self.spec.residual.max_reduction

    @property
    def breach(self) -> Breach:
        return self.spec.breach

    @property
    def inspection_interval_months(self) -> int:
        """How old an outsourcee's last inspection may be (risk factor and rule APPI-25-inspection)."""
        insp = self.likelihood.inspection_overdue
        return insp.interval_months if insp else DEFAULT_INSPECTION_MONTHS

    def level_label(self, level: str, lang: str = "ja") -> str:
        return getattr(self.spec.matrix.names[level], lang)

    def scale_label(self, value: int, lang: str = "ja") -> str:
        return getattr(self.spec.levels.names[value], lang)

    def _factor(self, name: str) -> _Factor | None:
        return getattr(self.severity, name, None) or getattr(self.likelihood, name, None)

    def factor_label(self, name: str, lang: str = "ja") -> str:
        spec = self._factor(name)
        return getattr(spec, lang) if spec else name

    def factor_source(self, name: str) -> str:
        if name == "category_base":
            return self.spec.severity.category_base.source
        if name == "partner_kind_base":
            return self.spec.likelihood.partner_kind_base.source
        spec = self._factor(name)
        return spec.source if spec else ""


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or t("model.top_level")


def _expected(error: dict) -> str:
    """What pydantic expected, worded for a person: Japanese from the error's type (and its context, e.g.
    the minimum), English from pydantic's own message."""
    msg = error["msg"][0].lower() + error["msg"][1:]
    key = f"model.pydantic.{error['type']}"
    context = {k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, str | int | float)}
    if key in TEXTS:
        try:
            return t(key, msg=msg, **context)
        except (KeyError, IndexError):
            pass
    return t("model.pydantic.other", msg=msg)


def _complete(values: dict, vocabulary: type[Vocabulary], key: str, file: str, what: str) -> None:
    """Every code of the vocabulary has a value, and only those."""
    for name in values:
        if name not in vocabulary.codes():
            raise ConfigError(file, f"{key}.{name}", name, t("expected.one_of", choices=choices(vocabulary)))
    for name in vocabulary.codes():
        if name not in values:
            raise ConfigError(
                file, f"{key}.{name}", None, t("model.expected.every", what=t(f"model.what.{what}"))
            )


def _level_grid(m: Matrix, file: str) -> np.ndarray:
    if len(m.grid) != 4 or any(len(row) != 4 for row in m.grid):
        raise ConfigError(file, "matrix.grid", m.grid, t("model.expected.grid"))
    index = {name: i for i, name in enumerate(m.levels)}
    grid = np.zeros((4, 4), dtype=np.int8)
    for s, row in enumerate(m.grid):
        for li, name in enumerate(row):
            if name not in index:
                raise ConfigError(
                    file, f"matrix.grid[{s}][{li}]", name, t("expected.one_of", choices=", ".join(m.levels))
                )
            grid[s, li] = index[name]
    # A worse severity or likelihood must never give a better level.
    for s in range(4):
        for li in range(4):
            if (s and grid[s, li] < grid[s - 1, li]) or (li and grid[s, li] < grid[s, li - 1]):
                raise ConfigError(file, f"matrix.grid[{s}][{li}]", m.grid[s][li],
                                  t("model.expected.monotone"))  # fmt: skip
    return grid


def _check_semantics(spec: ModelFile, file: str) -> np.ndarray:
    if sorted(spec.levels.names) != [1, 2, 3, 4]:
        raise ConfigError(file, "levels.names", sorted(spec.levels.names), t("model.expected.levels"))
    _complete(
        spec.severity.category_base.values, ItemCategory, "severity.category_base.values", file, "category"
    )
    _complete(spec.likelihood.partner_kind_base.values, PartnerKind, "likelihood.partner_kind_base.values", file,
              "kind")  # fmt: skip
    ident = spec.severity.adjustments.identifiability
    if ident:
        _complete(ident.values, Identifiability, "severity.adjustments.identifiability.values", file, "level")
    channel = spec.likelihood.adjustments.channel
    if channel:
        for name in channel.values:
            if name not in Channel.codes():
                raise ConfigError(
                    file,
                    f"likelihood.adjustments.channel.values.{name}",
                    name,
                    t("expected.one_of", choices=choices(Channel)),
                )
    m = spec.matrix
    for name in m.levels:
        if name not in m.names:
            raise ConfigError(file, f"matrix.names.{name}", None, t("model.expected.level_names"))
    if not set(m.high_levels) <= set(m.levels):
        raise ConfigError(file, "matrix.high_levels", sorted(m.high_levels), t("model.expected.high_levels"))
    grid = _level_grid(m, file)
    e = spec.breach.enisa
    for kind, vocabulary in (("confidentiality", Confidentiality), ("integrity", Integrity),
                             ("availability", Availability)):  # fmt: skip
        _complete(getattr(e.cb, kind), vocabulary, f"breach.enisa.cb.{kind}", file, "level")
    for kind in ("confidentiality", "integrity", "availability"):
        known = getattr(e.cb, kind)
        for cause, circ in e.causes.items():
            if isinstance(circ, Circumstances) and getattr(circ, kind) not in known:
                raise ConfigError(file, f"breach.enisa.causes.{cause}.{kind}", getattr(circ, kind),
                                  t("expected.one_of", choices=", ".join(known)))  # fmt: skip
    for cause, circ in e.causes.items():
        if (cause == "source") != isinstance(circ, str):
            raise ConfigError(file, f"breach.enisa.causes.{cause}", circ,
                              t("model.expected.causes"))  # fmt: skip
        if cause != "source" and cause not in Cause.codes():
            raise ConfigError(
                file, f"breach.enisa.causes.{cause}", cause, t("expected.one_of", choices=choices(Cause))
            )
    if not e.bands.medium < e.bands.high < e.bands.very_high:
        raise ConfigError(file, "breach.enisa.bands", e.bands.model_dump(), t("model.expected.bands"))
    for cause in spec.breach.appi.unlawful_causes:
        if cause not in e.causes:
            raise ConfigError(file, "breach.appi.unlawful_causes", cause, t("model.expected.unlawful"))
    # One meaning of "malicious by default": the causes listed as unlawful are those whose circumstances
    # say malicious (theft, unauthorised access, malware, insider: PPC GL 3-5-3-1 examples of Art.7(iii)).
    for cause, circ in e.causes.items():
        if isinstance(circ, Circumstances) and circ.malicious != (cause in spec.breach.appi.unlawful_causes):
            raise ConfigError(file, f"breach.enisa.causes.{cause}.malicious", circ.malicious,
                              t("model.expected.malicious"))  # fmt: skip
    return grid


def parse_model(raw: Any, file: str = MODEL_FILE) -> RiskModel:
    """The model from its YAML mapping; a ConfigError names the first wrong key."""
    if not isinstance(raw, dict):
        raise ConfigError(file, t("model.top_level"), type(raw).__name__, t("expected.mapping"))
    try:
        spec = ModelFile.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        value = None if error["type"] == "missing" else error.get("input")
        raise ConfigError(file, _dotted(error["loc"]), value, _expected(error)) from None
    return RiskModel(raw, file, spec, _check_semantics(spec, file))


def model_path(ledger_dir: Path | None) -> Path:
    """The ledger's own risk_model.yaml, or the bundled one. Anything at that name counts as the ledger's
    own (a folder or a link there is refused by load_model, not silently replaced by the bundled one)."""
    if ledger_dir is not None:
        folder = Path(ledger_dir)
        folder = folder.parent if folder.is_file() else folder  # a workbook: its folder's model, if any
        own = folder / MODEL_FILE
        if own.exists() or own.is_symlink():
            return own
    return bundled_inventory() / MODEL_FILE


def load_model(path: str | Path | None = None) -> RiskModel:
    p = Path(path) if path is not None else model_path(None)
    if p.is_symlink() or (p.exists() and not p.is_file()):
        raise UsageError(t("model.not_a_file", path=p))
    if not p.is_file():
        raise UsageError(t("model.no_file", path=p))
    try:
        doc = load_yaml(read_text(p))
    except UnreadableText as exc:
        raise UsageError(f"{p}: {exc.detail}") from None
    except OSError as exc:
        raise UsageError(t("model.unreadable", path=p, reason=os_reason(exc))) from None
    except yaml.YAMLError as exc:
        line = yaml_error_line(exc)
        raise ConfigError(
            str(p), "", None, t("expected.yaml", detail=yaml_error_text(exc)), line=line
        ) from None
    try:
        return parse_model(doc.data, str(p))
    except ConfigError as exc:
        exc.line = doc.line(exc.key)  # the line of the key (or of its nearest parent in the file)
        raise


def model_problems(ledger_dir: Path | None) -> list[dict]:
    """What is wrong with the risk model a ledger would be scored with, as rows of a problems table
    (file, line, key, value, expected): `validate` reports a broken model before `score` trips on it."""
    from ..ledger.validate import ProblemCode, problem

    p = model_path(ledger_dir)
    own = ledger_dir is not None and p.parent == (
        Path(ledger_dir).parent if Path(ledger_dir).is_file() else Path(ledger_dir)
    )
    file = p.name if own else str(p)
    try:
        load_model(p)
    except ConfigError as exc:
        syntax = not exc.key
        code = ProblemCode.yaml_syntax if syntax else ProblemCode.model
        return [problem(file, exc.line, None if syntax else exc.key, exc.value, exc.expected, code=code)]
    except UsageError as exc:
        return [problem(file, None, None, None, str(exc), code=ProblemCode.unreadable)]
    return []
