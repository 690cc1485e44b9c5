"""Lets ``python -m argmap`` behave exactly like the ``argmap`` console script."""

from argmap.start import main

raise SystemExit(main())
