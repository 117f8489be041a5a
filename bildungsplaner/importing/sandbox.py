"""Run a reader that may abort the process in a child process with a time and a memory limit.

python-calamine aborts the whole interpreter (SIGABRT from Rust's allocator) on a sheet whose used range is
absurdly large, and a hostile file can make any reader run for a long time. :func:`run_limited` runs such a
function in a fresh child interpreter (``python -m bildungsplaner.importing.sandbox``, or the frozen
executable with ``--sandbox-child``; never ``fork``: the parent may hold Qt and database threads, and
multiprocessing's ``spawn`` would re-run the caller's main script). The child limits its own address space
(``RLIMIT_AS``, POSIX only; Windows has no equivalent without a job object, so there only the time limit
applies), reads the pickled call from stdin and writes the pickled result or the exception's text to
stdout. A killed or crashed child becomes a :class:`SandboxError` with a message in the interface's language
(the child is told the parent's :func:`~bildungsplaner.i18n.language`, so its own messages match); cancellation
(``progress.cancelled``) kills the child.


The function must be a module-level function of this package; arguments and result must be picklable.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import language, set_language, tr
from bildungsplaner.progress import Cancelled, NullProgress, Progress

__all__ = ["DEFAULT_MEMORY", "DEFAULT_TIMEOUT", "ChildError", "SandboxError", "run_limited"]

#: Address-space limit of the child (bytes). Reading a 1,000,000-row sheet needs about 1.5 GiB.
DEFAULT_MEMORY = 6 * 1024**3
#: Wall-clock limit of the child (seconds).
DEFAULT_TIMEOUT = 300.0


class SandboxError(UserInputError):
    """The child was killed, crashed or ran out of time or memory."""


class ChildError(UserInputError):
    """The function raised in the child; ``kind`` is the exception's class name."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def child_main() -> int:
    """The child's side: read ``(memory, module, name, args)`` from stdin, answer on stdout."""
    import importlib
    import pickle

    memory, language, module, name, args = pickle.load(sys.stdin.buffer)
    set_language(language)  # the child's messages in the parent's language
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # Windows, or a hard limit below ours
        pass
    try:
        result: tuple[Any, ...] = ("ok", getattr(importlib.import_module(module), name)(*args))
    except MemoryError:
        result = ("error", "MemoryError", "")
    except BaseException as exc:  # everything goes back to the parent as text
        result = ("error", type(exc).__name__, str(exc))
    try:
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # e.g. an unpicklable result
        payload = pickle.dumps(("error", type(exc).__name__, str(exc)))
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()
    return 0


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "--sandbox-child"]
    return [sys.executable, "-m", "bildungsplaner.importing.sandbox"]


def run_limited(func: Callable[..., Any], *args: Any, timeout: float = DEFAULT_TIMEOUT,
                memory: int = DEFAULT_MEMORY, what: str | None = None,
                progress: Progress | None = None) -> Any:
    """``func(*args)`` in a child process; its result, or :class:`ChildError`/:class:`SandboxError`.

    ``what`` names the input in messages ("x.xlsx"; „Die Datei“ if not given). Raises :class:`Cancelled` when
    ``progress`` is cancelled meanwhile (the child is killed).
    """
    import pickle

    what = what or tr("Die Datei")
    progress = progress or NullProgress()
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    request = pickle.dumps((memory, language(), func.__module__, func.__qualname__, args),
                           protocol=pickle.HIGHEST_PROTOCOL)

    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(_command(), stdin=subprocess.PIPE, stdout=out, stderr=subprocess.DEVNULL,
                                   env=env)
        deadline = time.monotonic() + timeout
        try:
            assert process.stdin is not None
            try:
                process.stdin.write(request)
                process.stdin.close()
            except BrokenPipeError:
                pass
            while process.poll() is None:
                if progress.cancelled:
                    raise Cancelled()
                if time.monotonic() > deadline:
                    raise SandboxError(tr("{what} wurde nach {seconds} Sekunden Lesezeit abgebrochen (zu groß oder "
                                          "manipuliert).", what=what, seconds=format_number(timeout)))
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(0.05)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        code = process.returncode
        out.seek(0)
        try:
            message = pickle.load(out)
        except (EOFError, pickle.UnpicklingError):
            message = None
    if message is not None and code == 0:
        if message[0] == "ok":
            return message[1]
        _, kind, text = message
        if kind == "MemoryError":
            raise SandboxError(tr("{what} braucht beim Lesen mehr als {size} GiB Speicher und wurde abgewiesen "
                                  "(zu groß oder manipuliert).", what=what, size=format_number(memory // 1024**3)))
        raise ChildError(kind, text)
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        raise SandboxError(tr("{what} hat das Lesemodul zum Absturz gebracht ({signal}); sie ist beschädigt oder "
                              "zu groß. Bitte in Excel oder LibreOffice öffnen und neu speichern.", what=what,
                              signal=name))
    raise SandboxError(tr("{what} konnte nicht gelesen werden: das Lesemodul endete ohne Ergebnis (Exit-Code "
                          "{code}).", what=what, code=code))



if __name__ == "__main__":
    sys.exit(child_main())
