"""Progress reporting and cancellation for long-running work.

Long work is a plain function that takes a ``progress`` object. It reports a fraction and a message and
checks :attr:`Progress.cancelled` at safe points (raising :class:`Cancelled` through :meth:`Progress.check`).
The GUI passes an object that forwards to a progress dialog; tests and the CLI pass :class:`NullProgress`
or :class:`RecordingProgress`. Implementations must be callable from a worker thread.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel; the work must leave no partial result."""


class Progress(Protocol):
    @property
    def cancelled(self) -> bool: ...

    def report(self, fraction: float, message: str = "") -> None: ...

    def check(self) -> None: ...


class NullProgress:
    """Progress that reports nowhere and is never cancelled."""

    cancelled = False

    def report(self, fraction: float, message: str = "") -> None:
        pass

    def check(self) -> None:
        pass


class RecordingProgress:
    """Progress that records every report; it cancels itself after ``cancel_after`` reports (for tests)."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[float, str]] = []
        self._cancel_after = cancel_after
        self.cancelled = False

    def report(self, fraction: float, message: str = "") -> None:
        self.reports.append((fraction, message))
        if self._cancel_after is not None and len(self.reports) >= self._cancel_after:
            self.cancelled = True

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()
