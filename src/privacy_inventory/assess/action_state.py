"""Where an action stands on a date. Its own module (importing nothing of the assess floor) so that the
rules can ask it too: the incident rules check the recurrence-prevention action of each incident."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..i18n import Vocabulary
from ..ledger.inventory import Inventory
from ..ledger.schema import ActionStatus

OPEN = (ActionStatus.open, ActionStatus.in_progress)


class ActionState(Vocabulary):
    """Where an action stands on a date: its status, with open actions past their due date overdue."""

    overdue = "overdue", "期限超過", "overdue"
    open = "open", "対応中・未着手", "open"
    done = "done", "完了", "done"
    cancelled = "cancelled", "取消", "cancelled"


def actions_status(inv: Inventory, as_of: dt.date) -> pd.DataFrame:
    """Actions with a derived state: overdue (open past its due date), open, done, cancelled."""
    a = inv.actions.copy()
    open_ = a["status"].isin(OPEN)
    overdue = open_ & a["due"].notna() & (a["due"] < pd.Timestamp(as_of))
    a["state"] = a["status"].where(~open_, ActionState.open).where(~overdue, ActionState.overdue)
    return a
