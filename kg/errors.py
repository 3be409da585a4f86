"""Errors that the CLI turns into a message and an exit code (2 = usage or input error)."""

from __future__ import annotations


class KgError(Exception):
    """Base class of errors reported to the user without a traceback."""

    exit_code = 2


class InputError(KgError):
    """A file that cannot be read or parsed: names the file, line and column."""

    def __init__(self, path: str, message: str, *, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.line = line
        self.column = column
        self.message = message
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class UsageError(KgError):
    """A wrong argument, option or parameter."""
