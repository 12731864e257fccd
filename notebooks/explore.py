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
# <!-- 探索 / Explore: pick something in the ledger and see everything connected to it. Not part of the review. -->

# %% tags=["parameters"]
# Parameters: pick one of item / partner / department / purpose (the defaults run on the bundled ledger)
inventory_dir = None  # a ledger directory, or None for the bundled co-op ledger
period = "2026Q4"  # YYYYQn: assessed as of the quarter's last day
lang = "ja"  # "ja" or "en"
snapshot_dir = None  # a period's report folder, to explore what that report showed
reports_dir = None  # stored periods for the history, or None for this checkout's reports/
item = None  # e.g. "I031"
partner = "PO01"  # e.g. "PO01" (the delivery contractor)
department = None  # e.g. "D05"
purpose = None  # e.g. "P04"
controls = ["C10"]  # planned controls to switch on for the what-if (None: every planned control)

# %%
from privacy_inventory.assess import query
from privacy_inventory.report import cells

ctx = cells.context(inventory_dir, period, lang, snapshot_dir)
cells.page(ctx, "explore")

# %% tags=["nbval-check-output"]
found = query.connected(ctx.assessment, item=item, partner=partner, department=department, purpose=purpose)
print({name: len(rows) for name, rows in found.items()})
print("residual levels:", found["flows"]["residual_level"].astype(str).value_counts().sort_index().to_dict())

# %%
cells.explorer(ctx)  # in JupyterLab with ipywidgets: pick from lists

# %%
cells.explore(ctx, item=item, partner=partner, department=department, purpose=purpose)

# %%
cells.history(ctx, reports_dir, item=item, partner=partner) if (item or partner) else None

# %%
cells.what_if_map(ctx, controls=controls)

# %%
query.describe()  # the columns of query.flow_view(), for your own questions

# %%
f = query.flow_view(ctx.assessment)
f[f.special_care & f.partner_kind.isin(["outsourcee", "sub_outsourcee"])][["flow_id", "item", "partner", "inspection_months", "residual_level"]]
