"""Helpers on pandas frames that every floor uses: hash lookups, typed references, month ages, JSON values.

Text keys are looked up with Arrow hash tables: pandas' own isin on Arrow strings converts the value set
element by element in Python, which takes seconds against a million ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def _arrow_text(s: pd.Series) -> pa.Array:
    return pa.array(s.astype("str"), type=pa.string(), from_pandas=True)


def isin(s: pd.Series, values: Iterable) -> pd.Series:
    """Membership of each value of a text column in `values`, by an Arrow hash lookup."""
    if not isinstance(values, pd.Series):
        values = pd.Series(list(values), dtype="str")
    value_set = pa.array(values.dropna().astype("str").unique(), type=pa.string())
    hits = pc.is_in(_arrow_text(s), value_set=value_set)
    return pd.Series(hits.to_numpy(zero_copy_only=False), index=s.index, dtype=bool)


def positions(keys: pd.Series, values: pd.Series) -> np.ndarray:
    """Position of each value among keys (-1 where absent), by an Arrow hash lookup."""
    found = pc.index_in(_arrow_text(values), value_set=_arrow_text(keys))
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def codes(values: pd.Series, vocabulary: list[str]) -> np.ndarray:
    """Index of each value in vocabulary (-1 for missing or unknown)."""
    return positions(pd.Series(vocabulary, dtype="str"), values)


def lookup(
    table: dict[str, int], vocabulary: list[str], value_codes: np.ndarray, default: int = 0
) -> np.ndarray:
    """Map code arrays through a {value: number} table (unknown/missing → default)."""
    arr = np.array([table.get(v, default) for v in vocabulary] + [default], dtype=np.int8)
    return arr[value_codes]  # code -1 picks the trailing default


def id_rank(ids: pd.Series) -> np.ndarray:
    """Rank of each id in sorted order (0 = smallest): the tie-breaker that makes results independent
    of row order."""
    if ids.empty:
        return np.zeros(0, dtype=np.int64)
    ranks = pc.rank(_arrow_text(ids), sort_keys="ascending", tiebreaker="first")
    return ranks.to_numpy().astype(np.int64)


def split_reference(s: pd.Series) -> tuple[pd.Series, pd.Series]:
    """`partner:PO01` → ("partner", "PO01"); `all` → ("all", ""). Works on empty series too."""
    parts = s.astype("string").str.split(":", n=1)
    prefix = parts.str[0].astype("str")
    ident = parts.str[1].astype("string").fillna("").astype("str")
    return prefix, ident


def explode_list(s: pd.Series, sep: str = ";") -> pd.Series:
    """Each value of a list cell ("I001;I002") as its own row, under the cell's index; blanks dropped."""
    parts = s.astype("string").str.split(sep).explode().str.strip()
    return parts[parts.notna() & parts.ne("")].astype("str")


def list_values(value: object, sep: str = ";") -> list[str]:
    """The values of one list cell ("I001;I002" → ["I001", "I002"]); a missing cell is an empty list."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return []
    return [v.strip() for v in str(value).split(sep) if v.strip()]


def months_between(earlier: pd.Series, as_of: dt.date) -> pd.Series:
    """Whole months from each date to as_of (NA where the date is missing): inspection and training ages."""
    y, m, d = earlier.dt.year, earlier.dt.month, earlier.dt.day
    return ((as_of.year - y) * 12 + (as_of.month - m) - (as_of.day < d).astype("Int64")).astype("Int64")


def jsonable(value: Any) -> Any:
    """Plain JSON types for pandas / numpy values (NA → null, timestamps → ISO dates)."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts."""
    return [jsonable(r) for r in df.astype(object).to_dict(orient="records")]
