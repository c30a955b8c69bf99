"""Small shared type aliases for the API models."""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import AfterValidator

# JSON numbers stay what they were: an int is not turned into a float (the round trip must give
# back the same JSON), and booleans are not numbers (validation is strict). Numbers a float
# cannot hold (1e999 parses as infinity, NaN, ints past 2**63) are wrong-typed values and set
# aside: arithmetic on them (cost per token, tokens per second) would overflow or mislead.
_INT_LIMIT = 2**63


def _float_sized(value: int | float) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not a finite number")
    if isinstance(value, int) and abs(value) > _INT_LIMIT:
        raise ValueError("a number too large for its field")
    return value


Number = Annotated[int | float, AfterValidator(_float_sized)]
