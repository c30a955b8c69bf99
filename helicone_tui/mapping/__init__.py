"""Bodies to conversations: the dashboard's ``llm-mapper`` behaviour, in pure Python.

The rest of the app uses ``map_request`` and what it returns, ``conversation_to_markdown`` for
text output, and ``summarize_data_url`` wherever an inline image might be printed. This package
imports only ``helicone_tui.models``, pydantic and the standard library: no I/O, no UI.
"""

from .images import summarize_data_url, summarize_data_urls_in
from .mapped import MappedRequest, MapperType, Preview, RequestStatus, StatusKind
from .pipeline import map_request
from .preview import PREVIEW_MAX_CHARS
from .render import conversation_to_markdown
from .select import select_mapper

__all__ = [
    "PREVIEW_MAX_CHARS",
    "MappedRequest",
    "MapperType",
    "Preview",
    "RequestStatus",
    "StatusKind",
    "conversation_to_markdown",
    "map_request",
    "select_mapper",
    "summarize_data_url",
    "summarize_data_urls_in",
]
