"""``python -m pipeline`` is the ``notices`` command."""

from pipeline.cli import main

raise SystemExit(main())
