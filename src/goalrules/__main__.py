"""``python -m goalrules``: the same as the ``goalrules`` command."""

import sys

from goalrules.cli import main

sys.exit(main())
