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
# <!-- 台帳の概要 / Inventory: each cell is one call into privacy_inventory.report.cells; change an argument and run it again. -->

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
cells.page(ctx, "01_inventory")

# %% tags=["nbval-check-output"]
cells.key_figures(ctx, "01_inventory")

# %%
cells.headline_cards(ctx, reports_dir, which="inventory")

# %%
cells.coverage(ctx)

# %%
cells.flow_map(ctx, max_nodes=45)

# %%
cells.composition(ctx, by="category")

# %%
cells.composition(ctx, by="partner_kind")

# %%
cells.items(ctx, category=None, special_care=None)

# %%
cells.partners(ctx, kind=None)
