"""``<helicone-asset-id key="..."/>`` placeholders, replaced by their signed ``asset_urls``.

Helicone stores large inline media separately and leaves this tag in the body; its dashboard
swaps the tag for the signed URL in the browser, and so do we, on the mapped schema only (never
on the raw bodies, which stay exactly as the server sent them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .jsonish import MAX_DEPTH

ASSET_TAG = re.compile(r"""<helicone-asset-id\s+key=["']?([^"'/>\s]+)["']?\s*/?>""")
_MARK = "<helicone-asset-id"


def replace_assets_in_text(text: str, asset_urls: Mapping[str, str]) -> str:
    if _MARK not in text:
        return text
    return ASSET_TAG.sub(lambda m: asset_urls.get(m.group(1), m.group(0)), text)


def replace_assets(value: Any, asset_urls: Mapping[str, str]) -> Any:
    """``value`` with every placeholder in its strings replaced (in place for dicts / lists).

    Mapped schemas are built fresh per row, so editing them in place costs no copy. The walk is
    iterative and depth-capped.
    """
    if not asset_urls:
        return value
    if isinstance(value, str):
        return replace_assets_in_text(value, asset_urls)
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, dict):
            items: Any = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            continue
        for key, item in list(items):
            if isinstance(item, str):
                if _MARK in item:
                    node[key] = replace_assets_in_text(item, asset_urls)
            elif isinstance(item, dict | list):
                stack.append((item, depth + 1))
    return value
