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
# <!-- 漏えい等事案 / Incident: each cell is one call into privacy_inventory.report.cells. -->

# %% tags=["parameters"]
# Parameters (papermill replaces this cell; the defaults describe an example incident on the bundled ledger)
inventory_dir = None  # a ledger directory, or None for the bundled co-op ledger
partner = "PO01"  # where it happened (its outbound flows are affected), or None
items = ""  # affected item ids, comma-separated
department = None  # a department id, or None
flows = ""  # affected flow ids, comma-separated
records = 1200  # people affected, or None to take the ledger's counts
cause = "loss"  # loss, theft, misdelivery, unauthorized_access, malware, insider
discovered = "2026-11-20"  # the day it became known
malicious = False
encrypted = False  # advanced encryption with the key not leaked
lang = "ja"  # "ja" or "en"

# %%
from privacy_inventory.report import cells

a, inv = cells.incident(inventory_dir, partner, items, department, flows, records, cause, discovered, malicious, encrypted)
cells.incident_page(a, inv, lang)

# %% tags=["nbval-check-output"]
print('report required:', a.appi['report_required'], a.appi['fired'])
print('deadlines:', a.appi.get('deadlines'))
print('ENISA:', a.enisa['dpc'], a.enisa['ei'], a.enisa['cb'], a.enisa['se'], a.enisa['band'])
print('people:', a.people, 'items:', ', '.join(a.items['item_id']))

# %%
cells.incident_summary(a, inv, lang)

# %%
cells.incident_chart(a, lang)

# %%
cells.incident_draft(a, inv, lang)
