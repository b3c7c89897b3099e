import sys

from kinerja_engine.cli.main import main

sys.exit(main())
