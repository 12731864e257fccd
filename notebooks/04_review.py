# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# <!-- 期間レビュー / Period review: each cell is one call into privacy_inventory.report.cells; change an argument and run it again. -->

# %% tags=["parameters"]
# Parameters (papermill replaces this cell; the defaults run on the bundled ledger)
inventory_dir = None  # a ledger directory, or None for the bundled co-op ledger
period = "2026Q4"  # YYYYQn: risks and findings are assessed as of the quarter's last day
previous_period = None  # e.g. "2026Q3", or None for the latest stored period before this one
lang = "ja"  # "ja" or "en"
snapshot_dir = None  # a period's report folder; the review command points it at the run's snapshot
reports_dir = None  # where earlier periods are stored, or None for this checkout's reports/

# %%
from privacy_inventory.report import cells

ctx = cells.context(inventory_dir, period, lang, snapshot_dir)
cells.page(ctx, "04_review")

# %% tags=["nbval-check-output"]
cells.key_figures(ctx, "04_review", previous_period, reports_dir)

# %%
cells.headline_cards(ctx, reports_dir, which="review")

# %%
cells.findings(ctx, min_severity="high")

# %%
cells.residual_top(ctx, n=10)

# %%
cells.changes(ctx, previous_period, reports_dir)

# %%
cells.ledger_changes(ctx, previous_period, reports_dir, table=None)

# %%
cells.risk_movement(ctx, previous_period, reports_dir)

# %%
cells.risk_moves(ctx, previous_period, reports_dir, n=20)

# %%
cells.finding_changes(ctx, previous_period, reports_dir)

# %%
cells.joint_use_notices(ctx, previous_period, reports_dir)

# %%
cells.trend(ctx, reports_dir)

# %%
cells.actions(ctx, state=None)

# %%
cells.action_register(ctx)

# %%
cells.incidents(ctx)

# %%
cells.controls_chart(ctx)

# %%
cells.controls(ctx, status=None)
