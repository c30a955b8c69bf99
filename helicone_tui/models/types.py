"""Small shared type aliases for the API models."""

from __future__ import annotations

# JSON numbers stay what they were: an int is not turned into a float (the round trip must give
# back the same JSON), and booleans are not numbers (validation is strict).
Number = int | float
