"""How a person may write a date, a yes/no or a code: the one place every input path reads them.

CSV cells, workbook cells and organisation.yaml values all go through these parsers, so `2026/10/01`,
`令和8年10月1日`, `〇` or `はい` mean the same wherever they are typed. What is accepted is described
once, in texts.py (`formats.*`), and shown from there in docs/ledger.md and in the workbook's guide.

- Dates: `2026-05-15`, `2026/5/15`, `2026.5.15`, `2026年5月15日`, and the Japanese era: `令和8年5月15日`,
  `令和元年5月1日`, `R8.5.15`, `H31/4/30` (令和/R, 平成/H, 昭和/S). A date must exist, and an era date must
  fall within its era (平成31年5月1日 does not exist: it is 令和元年5月1日). Full-width digits and
  separators are read as half-width (Unicode NFKC).
- Yes/no: true/false, t/f, yes/no, y/n, 1/0, はい/いいえ, 〇/× (also ○ U+25CB and ◯ U+25EF), 有/無.
- Codes of a vocabulary: the code, its Japanese label or its English label (case and width ignored).

Canonical forms (what import-xlsx writes to CSV): ISO dates, `true`/`false`, codes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from ..frames import isin
from ..i18n import Vocabulary

if TYPE_CHECKING:
    from .schema import Table

# The rules as people read them (texts.py), in this order, in docs/ledger.md and the workbook's guide.
FORMAT_RULES = (
    "formats.where",
    "formats.date",
    "formats.date_strict",
    "formats.bool",
    "formats.number",
    "formats.code",
    "formats.multiple",
    "formats.ids",
    "formats.written",
)
DATE_DTYPE = "datetime64[us]"

TRUE_WORDS = ("true", "t", "yes", "y", "1", "はい", "〇", "○", "◯", "有")
FALSE_WORDS = ("false", "f", "no", "n", "0", "いいえ", "×", "無")

# era: (first Gregorian year, first day, last day or None) — 改元: 1926-12-25, 1989-01-08, 2019-05-01
ERAS: dict[str, tuple[int, dt.date, dt.date | None]] = {
    "令和": (2019, dt.date(2019, 5, 1), None),
    "平成": (1989, dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "昭和": (1926, dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
}
ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和"}

_SEP_DATE = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_KANJI_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_ERA_DATE = re.compile(
    r"^(令和|平成|昭和|[RHS])(\d{1,2}|元)(?:年(\d{1,2})月(\d{1,2})日|([-/.])(\d{1,2})\5(\d{1,2}))$"
)


def normalise(text: str) -> str:
    """What a person meant, not how the keyboard wrote it: NFKC (full-width → half-width), no spaces
    at the ends, inner runs of spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


# --- dates ---------------------------------------------------------------------------------------------


def parse_date(text: str) -> dt.date | None:
    """One written date → the date, or None when it is not one of the accepted forms or not a real day."""
    s = normalise(text).replace(" ", "").upper()
    if m := _SEP_DATE.match(s):
        y, mo, d = int(m[1]), int(m[3]), int(m[4])
    elif m := _KANJI_DATE.match(s):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _ERA_DATE.match(s):
        era = ERA_LETTERS.get(m[1], m[1])
        first_year, first_day, last_day = ERAS[era]
        y = first_year + (1 if m[2] == "元" else int(m[2])) - 1
        mo, d = (int(m[3]), int(m[4])) if m[3] else (int(m[6]), int(m[7]))
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            return None
        if day < first_day or (last_day is not None and day > last_day):
            return None
        return day
    else:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def parse_dates(s: pd.Series) -> pd.Series:
    """A text column → dates (NaT where a cell is empty or not a date). ISO dates take the fast path;
    only the other cells are read one by one."""
    text = s.astype("string")
    out = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    rest = out.isna() & text.notna()
    if rest.any():
        parsed = text[rest].map(parse_date, na_action="ignore")
        out = out.where(~rest, pd.to_datetime(parsed.astype(object), errors="coerce"))
    # one unit whatever the values: an all-empty column would otherwise come out in seconds, and a
    # snapshot (Parquet) would read it back in milliseconds
    return out.astype(DATE_DTYPE)


def date_value(value: object) -> dt.date | None:
    """A value from YAML or a workbook cell (a date, a datetime at midnight, or text) → the date."""
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


MAX_WHOLE = 2**53 - 1  # the largest whole number a float (and so a spreadsheet) holds exactly


_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+$")  # 12,000 as Excel shows a number typed as text


def number_text(text: str) -> str | None:
    """A whole number as a person writes it (12,000, full-width １２０００, 12000) → 12000; else None."""
    plain = normalise(text)
    plain = plain.replace(",", "") if _GROUPED.match(plain) else plain
    return plain if plain.isdecimal() else None


def parse_ints(s: pd.Series) -> pd.Series:
    """Whole numbers; anything else (text, fractions, 1e20, inf) is missing, and reported as invalid by
    validation, never an overflow. Plain digits take the fast path; 12,000 and full-width digits are
    read one by one."""
    num = pd.to_numeric(s, errors="coerce")
    num = pd.Series(num, index=s.index).astype("float64")
    rest = num.isna() & s.notna()
    if rest.any():
        written = s[rest].astype("str").map(number_text, na_action="ignore")
        num[rest] = pd.to_numeric(written, errors="coerce")
    whole = num.notna() & num.abs().le(MAX_WHOLE) & (num == num.round())
    return num.where(whole).astype("Int64")


# --- yes / no ------------------------------------------------------------------------------------------

_TRUE = frozenset(TRUE_WORDS)
_FALSE = frozenset(FALSE_WORDS)


def parse_bool(text: str) -> bool | None:
    word = normalise(text).casefold()
    return True if word in _TRUE else False if word in _FALSE else None


def parse_bools(s: pd.Series) -> pd.Series:
    """A text column → booleans (NA where a cell is empty or not a yes/no word)."""
    text = s.astype("string")
    lower = text.str.strip().str.lower()
    out = pd.Series(pd.NA, index=s.index, dtype="boolean")
    out[isin(lower, TRUE_WORDS)] = True
    out[isin(lower, FALSE_WORDS)] = False
    rest = out.isna() & text.notna()
    if rest.any():  # full-width or otherwise unusual spellings: one by one
        out[rest] = text[rest].map(parse_bool).astype("boolean")
    return out


def bool_value(value: object) -> bool | None:
    """A value from YAML or a workbook cell (a boolean, 0/1, or a word) → True/False."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        return parse_bool(value)
    return None


# --- codes and their labels ----------------------------------------------------------------------------


def _label_key(text: str) -> str:
    return normalise(text).casefold()


@cache
def _labels(vocabulary: type[Vocabulary]) -> dict[str, str]:
    """Normalised Japanese or English label → code (a Japanese label wins over an English one)."""
    index = {_label_key(m.en): m.value for m in vocabulary}
    return index | {_label_key(m.ja): m.value for m in vocabulary}


def code_of(text: str, vocabulary: type[Vocabulary]) -> str | None:
    """A code (exactly as declared), or its Japanese or English label (width and case ignored) → the
    code; None when it is none of them."""
    text = text.strip()
    if text in vocabulary.codes():
        return text
    return _labels(vocabulary).get(_label_key(text))


def codes_of(text: str, vocabulary: type[Vocabulary]) -> str | None:
    """A list cell (`溶解処理;erase`) → `dissolve;erase`; None when any part is not a code or label."""
    parts = [p.strip() for p in normalise(text).split(";")]
    codes = [code_of(p, vocabulary) for p in parts if p]
    return ";".join(codes) if codes and all(codes) else None  # type: ignore[arg-type]


def codes_from_labels(s: pd.Series, vocabulary: type[Vocabulary], multiple: bool = False) -> pd.Series:
    """A text column with codes or labels → codes; a cell that is neither is kept as written (so that
    validation reports it as the person typed it)."""
    text = s.astype("str")
    rest = text.notna() & ~isin(text, vocabulary.codes())
    if not rest.any():
        return text
    read = codes_of if multiple else code_of
    mapped = text[rest].map(lambda v: read(v, vocabulary))
    return text.where(~rest | mapped.isna(), mapped)


def canonical_dates(s: pd.Series) -> pd.Series:
    """Dates written in any accepted form → YYYY-MM-DD; other cells as they are."""
    text = s.astype("str")
    parsed = parse_dates(text)
    return text.where(parsed.isna(), parsed.dt.strftime("%Y-%m-%d").astype("str"))


def canonical_bools(s: pd.Series) -> pd.Series:
    """Yes/no written in any accepted form → true/false; other cells as they are."""
    text = s.astype("str")
    parsed = parse_bools(text)
    words = parsed.map({True: "true", False: "false"}, na_action="ignore").astype("str")
    return text.where(parsed.isna(), words)


def canonical_ints(s: pd.Series) -> pd.Series:
    """Whole numbers written with separators or full-width digits → plain digits; other cells as they
    are."""
    text = s.astype("str")
    rest = text.notna() & ~text.str.fullmatch(r"[0-9]+").fillna(False).astype(bool)
    if not rest.any():
        return text
    plain = text[rest].map(number_text, na_action="ignore")
    return text.where(~rest | plain.isna(), plain)


def canonical_frame(table: Table, df: pd.DataFrame) -> pd.DataFrame:
    """A table as read (text) with its choices, yes/no and dates in their canonical form; cells that
    are none of the accepted forms are kept as written, for validation to report."""
    changed: dict[str, pd.Series] = {}
    for col in table.columns:
        if col.name not in df.columns:
            continue
        if col.kind == "enum" and col.allowed is not None:
            changed[col.name] = codes_from_labels(df[col.name], col.allowed, col.multiple)
        elif col.kind == "bool":
            changed[col.name] = canonical_bools(df[col.name])
        elif col.kind == "date":
            changed[col.name] = canonical_dates(df[col.name])
        elif col.kind == "int":
            changed[col.name] = canonical_ints(df[col.name])
    return df.assign(**changed) if changed else df
