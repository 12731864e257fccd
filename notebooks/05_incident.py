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
cause = "loss"  # loss, theft, misdelivery, accidental_publication, unauthorized_access, malware, insider
discovered = "2026-11-20"  # the day it became known
occurred = None  # the day it happened, if known
# Circumstances (ENISA); None takes the cause's default
confidentiality = None  # none, exposed, known_recipients, unknown_recipients
integrity = None  # none, altered, recoverable, not_recoverable
availability = None  # none, recoverable, temporary, permanent
malicious = None  # True / False: malicious intent, unlawful purpose
publicly_viewable = None  # True / False: viewable by unspecified persons (My Number rules Art.2(iii))
recovered_unread = False  # every copy recovered before anyone saw it: not a leak (PPC GL 3-5-1-1)
encrypted = False  # advanced encryption with the key not leaked
mn_network = False  # My Number data of the information-provision network
adjustments = ""  # ENISA context adjustments, comma-separated (profile, pseudonymised, …)
my_number_people = None  # people whose 個人番号 leaked, when fewer than records
lang = "ja"  # "ja" or "en"

# %%
from privacy_inventory.report import cells

a, inv = cells.incident(inventory_dir, partner, items, department, flows, records, cause, discovered, malicious,
                        encrypted, confidentiality=confidentiality, integrity=integrity, availability=availability,
                        publicly_viewable=publicly_viewable, recovered_unread=recovered_unread, mn_network=mn_network,
                        adjustments=adjustments, my_number_people=my_number_people, occurred=occurred)
cells.incident_page(a, inv, lang)

# %% tags=["nbval-check-output"]
cells.incident_key_figures(a, lang)

# %%
cells.incident_summary(a, inv, lang)

# %%
cells.incident_chart(a, lang)

# %%
cells.incident_draft(a, inv, lang)
