import sys

from iwmo.cli import main

sys.exit(main())
