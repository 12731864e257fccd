"""Reports people read: the quarterly review (notebooks exported as offline HTML), its periods and
snapshots, charts, pages, and the incident report."""
