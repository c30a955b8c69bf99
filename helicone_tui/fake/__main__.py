"""``python -m helicone_tui.fake``: the fake server without the app's CLI."""

from .cli import main

raise SystemExit(main())
