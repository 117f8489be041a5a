"""PyInstaller runtime hook: the installation self-check of the frozen app (before ``main`` runs).

Only with ``--smoke-test`` (importing openpyxl costs ~80 ms, too much for every start): checks that openpyxl
uses defusedxml and that migrations, translations and licence texts are in the bundle
(:mod:`bildungsplaner.selfcheck`). A failure ends the program with exit code 1 and a German message.
"""

import sys


def _selfcheck() -> None:
    if "--smoke-test" not in sys.argv[1:]:
        return
    from bildungsplaner.selfcheck import SelfCheckError, verify

    try:
        verify()
    except SelfCheckError as exc:
        if sys.stderr is not None:
            print(f"Fehler: {exc}", file=sys.stderr, flush=True)
        sys.exit(1)
    if sys.stdout is not None:
        print("Selbsttest der Installation bestanden (defusedxml aktiv, Programmdateien vollständig).",
              flush=True)


_selfcheck()
del _selfcheck
