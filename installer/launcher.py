"""Entry script of the frozen application (both executables): the same ``main`` as ``python -m bildungsplaner``.

``bildungsplaner.__main__.main`` dispatches ``--sandbox-child`` (the reader child process started by
:mod:`bildungsplaner.importing.sandbox` as ``[sys.executable, "--sandbox-child"]``) before anything else.
"""

import sys

from bildungsplaner.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
