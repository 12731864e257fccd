"""The command line's texts: every command's and option's --help, and the messages commands print.

Keys: `help.<command path>` (e.g. `help.incident.list`) and `help.<command path>.<parameter>`, and
`cli.<…>` for messages. Each entry is (Japanese, English).
"""

from __future__ import annotations

CLI_TEXTS: dict[str, tuple[str, str]] = {}
