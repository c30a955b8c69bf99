"""helicone-tui: inspect individual Helicone requests from the terminal."""

__version__ = "0.1.0"
