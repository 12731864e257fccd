"""Assessing a ledger: the risk model, scores and their reasons, compliance rules, the public notice,
incidents, the action register and the difference between two ledgers. One entry: pipeline.assess()."""
