"""Lets ``python -m argmap`` behave exactly like the ``argmap`` console script."""

try:
    from argmap.cli import main
except KeyboardInterrupt:  # Ctrl-C while starting: nothing was touched yet
    raise SystemExit(130) from None

raise SystemExit(main())
