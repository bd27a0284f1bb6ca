"""dyad's errors, in one place."""

from __future__ import annotations


class DyadError(Exception):
    """Base class of every error dyad raises on purpose."""


class InputError(DyadError):
    """An input file or line that cannot be read as an article.

    Carries the file and (1-based) line so the message can point at it; the
    batch goes on without it.
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


class DataError(DyadError):
    """A packaged or user-supplied data file (tables, knowledge base) is invalid."""


class GoldFormatError(DyadError):
    """A gold file whose format ``dyad eval`` does not recognise."""
