"""Lets ``python -m argmap`` behave exactly like the ``argmap`` console script."""

from argmap.cli import main

raise SystemExit(main())
