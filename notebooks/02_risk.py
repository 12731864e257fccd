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
# <!-- リスク評価 / Risk: each cell is one call into privacy_inventory.report.cells; change an argument and run it again. -->

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
cells.page(ctx, "02_risk")

# %% tags=["nbval-check-output"]
cells.key_figures(ctx, "02_risk")

# %%
cells.headline_cards(ctx, reports_dir, which="risk")

# %%
cells.risk_map(ctx, table="flows")

# %%
cells.top_flows(ctx, n=15, level=None, department=None, partner=None, residual=False)

# %%
cells.top_flows(ctx, n=15, residual=True)

# %%
cells.top_items(ctx, n=15, level=None)

# %%
cells.partner_chart(ctx, n=15)

# %%
cells.partner_risk(ctx, n=15, kind=None)

# %%
cells.level_comparison(ctx)

# %%
cells.what_if(ctx, n=15)
