"""Run long work off the GUI thread: ``fn(progress)`` on a worker, a progress dialog with Cancel.

Threading rules:

* ``fn`` runs on the runner's :class:`QThreadPool`, which has one thread, so work that touches the workspace
  (reads and writes) runs one task at a time, in the order started.
* ``fn`` must not touch widgets. It reports through ``progress.report(fraction, message)`` and stops at
  ``progress.check()`` once the user pressed Cancel (or :meth:`TaskHandle.cancel` was called).
* The result, the exception or the cancellation is delivered by queued signals to a :class:`TaskHandle`
  living in the GUI thread, which then calls the callbacks there.
* The runner hands the work to an *executor*: :class:`ThreadExecutor` (one worker thread, the default) or
  :class:`InlineExecutor` (tests: ``fn`` runs inline, the callbacks are called before :meth:`TaskRunner.start`
  returns, no dialog is shown). Tests inject it (``TaskRunner(executor=InlineExecutor())``; the UI test suite
  makes it the default through :attr:`TaskRunner.default_executor`), there is no module flag.
* :class:`LatestTask` keeps one request of a kind (loading values, collecting scenario inputs): starting a new
  one cancels the previous one, whose callbacks are then never called („latest request wins“).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from bildungsplaner.progress import Cancelled

log = logging.getLogger(__name__)

# Milliseconds before the progress dialog appears (short tasks never show it).
DIALOG_DELAY_MS = 400
_STEPS = 1000


class TaskProgress:
    """The ``progress`` handed to the work: thread-safe, forwards reports to the GUI thread."""

    def __init__(self, emit: Callable[[float, str], None] | None = None) -> None:
        self._event = threading.Event()
        self._emit = emit

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def report(self, fraction: float, message: str = "") -> None:
        if self._emit is not None:
            self._emit(max(0.0, min(1.0, float(fraction))), message)

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class _Signals(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskProgress], Any], progress: TaskProgress, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._progress, self._signals = fn, progress, signals

    def run(self) -> None:
        if self._progress.cancelled:  # cancelled while waiting for the worker: do not start at all
            self._signals.was_cancelled.emit()
            return
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._signals.was_cancelled.emit()
        except Exception as exc:  # delivered to the GUI thread; logged there if unexpected
            self._signals.failed.emit(exc)
        else:
            if self._progress.cancelled:
                self._signals.was_cancelled.emit()
            else:
                self._signals.succeeded.emit(result)


class TaskHandle(QObject):
    """One started task. Lives in the GUI thread; its slots receive the worker's queued signals."""

    finished = Signal()

    def __init__(self, title: str, label: str, parent_widget: QWidget | None, show_dialog: bool,
                 on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
                 on_cancel: Callable[[], None] | None) -> None:
        super().__init__()
        self.progress = TaskProgress()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self._dialog: QProgressDialog | None = None
        if show_dialog:
            dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Abbrechen"), 0, _STEPS,
                                     parent_widget)
            dialog.setWindowTitle(title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal if parent_widget
                                     else Qt.WindowModality.ApplicationModal)
            dialog.setMinimumDuration(DIALOG_DELAY_MS)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setValue(0)
            dialog.canceled.connect(self.cancel)
            self._dialog = dialog

    def cancel(self) -> None:
        """Ask the work to stop at its next ``progress.check()``; the result is then discarded."""
        self.progress.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(QCoreApplication.translate("Tasks", "Wird abgebrochen …"))

    @Slot(float, str)
    def _progressed(self, fraction: float, message: str) -> None:
        if self._dialog is not None and not self.done:
            self._dialog.setValue(int(fraction * _STEPS))
            # setValue on a modal dialog processes events, which may finish the task and drop the dialog
            if message and not self.progress.cancelled and self._dialog is not None:
                self._dialog.setLabelText(message)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._finish(lambda: self._on_done(result) if self._on_done else None)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        if not _is_user_error(exc):
            log.error("task failed", exc_info=(type(exc), exc, exc.__traceback__))
        self._finish(lambda: self._on_error(exc) if self._on_error else None)

    @Slot()
    def _cancelled(self) -> None:
        self.was_cancelled = True
        self._finish(lambda: self._on_cancel() if self._on_cancel else None)

    def _finish(self, callback: Callable[[], Any]) -> None:
        self.done = True
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            callback()
        finally:
            self.finished.emit()


def _is_user_error(exc: BaseException) -> bool:
    from bildungsplaner import BildungsplanerError

    return isinstance(exc, BildungsplanerError)


class InlineExecutor:
    """Runs the work at once in the calling thread (tests): callbacks are called before ``start`` returns."""

    inline = True

    def submit(self, fn: Callable[[TaskProgress], Any], handle: TaskHandle) -> None:
        handle.progress._emit = handle._progressed
        if handle.progress.cancelled:
            handle._cancelled()
            return
        try:
            result = fn(handle.progress)
        except Cancelled:
            handle._cancelled()
        except Exception as exc:
            handle._failed(exc)
        else:
            if handle.progress.cancelled:
                handle._cancelled()
            else:
                handle._succeeded(result)

    def wait(self, timeout_ms: int) -> bool:
        return True


class ThreadExecutor:
    """Runs the work on one worker thread, in the order started (the application's executor)."""

    inline = False

    def __init__(self, parent: QObject | None = None) -> None:
        self._pool = QThreadPool(parent)
        self._pool.setMaxThreadCount(1)

    def submit(self, fn: Callable[[TaskProgress], Any], handle: TaskHandle) -> None:
        signals = _Signals()  # created here, so it lives in the GUI thread
        # The handle lives in the GUI thread: these connections are queued when emitted by the worker.
        signals.progressed.connect(handle._progressed)
        signals.succeeded.connect(handle._succeeded)
        signals.failed.connect(handle._failed)
        signals.was_cancelled.connect(handle._cancelled)
        handle.progress._emit = signals.progressed.emit
        handle._signals = signals  # type: ignore[attr-defined]  # keep alive until finished
        self._pool.start(_Runnable(fn, handle.progress, signals))

    def wait(self, timeout_ms: int) -> bool:
        return self._pool.waitForDone(timeout_ms)


Executor = InlineExecutor | ThreadExecutor


class TaskRunner(QObject):
    """Starts tasks on its executor (see the module docstring)."""

    #: Builds the executor of a runner created without one (the UI test suite swaps in :class:`InlineExecutor`).
    default_executor: Callable[[], Executor] = ThreadExecutor

    def __init__(self, parent_widget: QWidget | None = None, *, executor: Executor | None = None) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self.executor: Executor = executor if executor is not None else type(self).default_executor()
        if isinstance(self.executor, ThreadExecutor) and self.executor._pool.parent() is None:
            self.executor._pool.setParent(self)
        self._running: set[TaskHandle] = set()

    @property
    def inline(self) -> bool:
        """Tasks finish before :meth:`start` returns (tests); no need to debounce or wait."""
        return self.executor.inline

    def start(
        self,
        fn: Callable[[TaskProgress], Any],
        *,
        title: str,
        label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        show_dialog: bool = True,
    ) -> TaskHandle:
        handle = TaskHandle(title, label or title, self._parent_widget, show_dialog and not self.inline, on_done,
                            on_error, on_cancel)
        if not self.inline:
            self._running.add(handle)
            handle.finished.connect(lambda: self._running.discard(handle))
        self.executor.submit(fn, handle)
        return handle

    def run_blocking(self, fn: Callable[[TaskProgress], Any], *, title: str, label: str = "") -> Any:
        """Run ``fn`` as a task and wait for it (the GUI stays responsive); re-raise its error.

        Raises :class:`~bildungsplaner.progress.Cancelled` when the user cancelled.
        """
        handle = self.start(fn, title=title, label=label)
        if not handle.done:
            loop = QEventLoop()
            handle.finished.connect(loop.quit)
            if not handle.done:
                loop.exec()
        if handle.was_cancelled:
            raise Cancelled()
        if handle.error is not None:
            raise handle.error
        return handle.result

    def busy(self) -> bool:
        """A task is running (a refresh from outside waits for the next tick instead of interfering)."""
        return bool(self._running)

    def cancel_all(self) -> None:
        for handle in list(self._running):
            handle.cancel()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Cancel everything and wait for the worker to become idle (before closing the workspace)."""
        self.cancel_all()
        ok = self.executor.wait(timeout_ms)
        QCoreApplication.sendPostedEvents()  # deliver the finished signals still queued
        return ok


class LatestTask:
    """One kind of request where only the latest counts (Orange's ``ConcurrentMixin.start``).

    :meth:`start` cancels the previous task of this object before starting the new one; the callbacks of a
    task that was replaced (or cancelled through :meth:`cancel`) are never called, so a caller needs no
    generation counter. ``on_cancel`` runs only when the current task was cancelled otherwise (the user's
    Cancel button).
    """

    def __init__(self, runner: TaskRunner) -> None:
        self.runner = runner
        self.handle: TaskHandle | None = None
        self._token: object | None = None

    def start(
        self,
        fn: Callable[[TaskProgress], Any],
        *,
        title: str,
        label: str = "",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        show_dialog: bool = True,
    ) -> TaskHandle:
        self.cancel()
        token = self._token = object()

        def current(callback: Callable[..., None] | None) -> Callable[..., None]:
            def call(*args: Any) -> None:
                if self._token is not token:
                    return  # replaced or cancelled by the caller: drop the outcome
                self._token, self.handle = None, None
                if callback is not None:
                    callback(*args)
            return call

        handle = self.runner.start(fn, title=title, label=label, on_done=current(on_done),
                                   on_error=current(on_error), on_cancel=current(on_cancel),
                                   show_dialog=show_dialog)
        if self._token is token:
            self.handle = handle
        return handle

    def pending(self) -> bool:
        """A request is running whose outcome will still be delivered."""
        return self._token is not None

    def cancel(self) -> None:
        """Cancel the current task (if any); its callbacks will not be called."""
        handle, self.handle, self._token = self.handle, None, None
        if handle is not None and not handle.done:
            handle.cancel()
