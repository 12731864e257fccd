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
# <!-- 法令適合性 / Compliance: each cell is one call into privacy_inventory.report.cells; change an argument and run it again. -->

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
cells.page(ctx, "03_compliance")

# %% tags=["nbval-check-output"]
cells.key_figures(ctx, "03_compliance")

# %%
cells.headline_cards(ctx, reports_dir, which="compliance")

# %%
cells.findings_chart(ctx, min_severity="low")

# %%
cells.findings(ctx, min_severity="low")

# %%
cells.notice(ctx)

# %%
cells.policy_differences(ctx)

# %%
cells.findings(ctx, min_severity="info", max_severity="info")
