"""One error type for everything a user can cause: a message in Indonesian and where it happened."""

from __future__ import annotations


class LakipError(Exception):
    """A problem the user can fix. `where` names the file, line or cell; `exit_code` is for the CLI."""

    exit_code = 2

    def __init__(self, message: str, *, where: str = "", title: str = "Kesalahan") -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.title = title

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class AngkaError(LakipError, ValueError):
    """Text that is not a valid Indonesian number, percentage or Rupiah amount."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message, where=where, title="Angka tidak valid")
