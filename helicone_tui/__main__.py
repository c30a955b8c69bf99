"""`python -m helicone_tui` runs the same CLI as the `helicone-tui` command."""

from .cli import main

raise SystemExit(main())
