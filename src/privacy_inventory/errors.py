"""One exception hierarchy. Library code raises these; only the CLI turns them into exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# Exit codes shared by every command.
EXIT_INVALID = 1  # the ledger (or a finding at --fail-on) is the problem
EXIT_USAGE = 2  # the command line or the file system is the problem


class PrivacyInventoryError(Exception):
    """Root of every error this package raises on purpose."""

    exit_code = EXIT_INVALID


class UsageError(PrivacyInventoryError):
    """A missing path, an unreadable file, a bad option value."""

    exit_code = EXIT_USAGE


class FileSystemError(UsageError):
    """Reading or writing `path` failed for a reason of the file system (`reason`: no space left on the
    device, a read-only file system, no permission, …), not of the ledger or of this program."""

    def __init__(self, path: object, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    @classmethod
    def of(cls, exc: OSError, path: object) -> FileSystemError:
        """The error `exc` raised, naming its own file when it has one, else `path`."""
        return cls(exc.filename if exc.filename else path, os_reason(exc))


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in the current language: the common reasons (no permission, no
    space left, a read-only file system, …) in Japanese too; any other as the system words it."""
    import errno

    from .i18n import language, t
    from .texts import TEXTS

    key = f"oserror.{errno.errorcode.get(exc.errno or -1, '')}"
    if language() == "ja" and key in TEXTS:
        return t(key)
    return exc.strerror or str(exc) or type(exc).__name__


@dataclass
class LedgerInvalid(PrivacyInventoryError):
    """The ledger has errors; `problems` is the full table of them (see validate.PROBLEM_COLUMNS)."""

    problems: pd.DataFrame
    path: str = ""
    exit_code: int = field(default=EXIT_INVALID)

    def __str__(self) -> str:
        from .i18n import t

        errors = self.problems[self.problems["severity"] == "error"]
        return t("errors.ledger_invalid", path=self.path, n=len(errors))


@dataclass
class ConfigError(PrivacyInventoryError):
    """A model or configuration file (e.g. risk_model.yaml) is wrong at `key` (on `line`, when known)."""

    file: str
    key: str
    value: object
    expected: str
    line: int | None = None

    def __str__(self) -> str:
        from .i18n import t

        where = t("errors.config_line", file=self.file, line=self.line) if self.line else self.file
        key = t("errors.config_key", key=self.key) if self.key else ""
        if self.value is None:
            return t("errors.config_no_value", where=where, key=key, expected=self.expected)
        return t("errors.config", where=where, key=key, value=self.value, expected=self.expected)
