"""The ledger: its schema, reading and validating it, writing it (CSV, Excel), new and synthetic ledgers."""
