"""Entry script of the frozen application (both executables): the same ``run`` as ``python -m bildungsplaner``.

``bildungsplaner.__main__.main`` dispatches ``--sandbox-child`` (the reader child process started by
:mod:`bildungsplaner.importing.sandbox` as ``[sys.executable, "--sandbox-child"]``) before anything else.
"""

from bildungsplaner.__main__ import run

if __name__ == "__main__":
    run()
