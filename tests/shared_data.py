"""Where the shared conformance data lives, for tests that skip when it is absent.

A user's clone has no `../shared`; CI and developers do. Tests that read it call
`require_shared(...)`, which skips (with the reason) rather than failing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
REFERENCE = SHARED / "reference" / "helicone"


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (it lives beside the repo in ../shared)")
    return path


def load_reference(name: str) -> Any:
    return json.loads(require_shared(REFERENCE / name).read_text(encoding="utf-8"))
