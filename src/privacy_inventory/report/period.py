"""Review periods: calendar quarters written YYYYQn (e.g. 2026Q4)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..i18n import t

PERIOD_PATTERN = re.compile(r"^(\d{4})Q([1-4])$")
# Years a review can be for: wide enough for any real ledger, narrow enough that a period, the one before
# it and its last day are real dates (0000Q1 and 9999Q4 are not) and that a mistyped year (0226) is caught.
FIRST_YEAR, LAST_YEAR = 1900, 2999


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the quarter: the date risks and findings are assessed as of."""
        nxt = self.next()
        return nxt.start - dt.timedelta(days=1)

    def next(self) -> Period:
        return Period(self.year + (self.quarter == 4), self.quarter % 4 + 1)

    def previous(self) -> Period:
        return Period(self.year - (self.quarter == 1), (self.quarter - 2) % 4 + 1)


def parse_period(text: str, what: str = "--period") -> Period:
    """'2026Q4' → Period. Anything else (paths, '..', lower case, Q5) is a usage error naming `what`
    (the option or argument it was given as)."""
    m = PERIOD_PATTERN.fullmatch(text or "")
    if not m:
        raise UsageError(t("period.not_a_quarter", what=what, text=text))
    if not FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR:
        raise UsageError(t("period.year", what=what, text=text, first=FIRST_YEAR, last=LAST_YEAR))
    return Period(int(m.group(1)), int(m.group(2)))


def current_period(today: dt.date | None = None) -> Period:
    today = today or dt.date.today()
    return Period(today.year, (today.month - 1) // 3 + 1)


def stored_periods(out: Path) -> list[Period]:
    """Finished periods in a reports folder (those with a manifest), oldest first."""
    if not out.is_dir():
        return []
    found = []
    for p in out.iterdir():
        m = PERIOD_PATTERN.fullmatch(p.name)
        if m and FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR and (p / "manifest.json").is_file():
            found.append(Period(int(m.group(1)), int(m.group(2))))
    return sorted(found)


def previous_period(out: Path, period: Period) -> Period | None:
    earlier = [p for p in stored_periods(out) if p < period]
    return earlier[-1] if earlier else None
