"""The mapped conversation as a flat list of items to show (pure: no textual).

One item per message (request side, then response side), plus items for what is not a message:
provider errors, tool / vector-db / data events, and why a row could not be mapped. Tool calls
and their results are paired here, once, so every view reads the pairing the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, overload

from helicone_tui.mapping import MappedRequest, summarize_data_url
from helicone_tui.models import ApiModel, LlmSchema, Message, Response

BlockKind = Literal[
    "text", "reasoning", "tool_call", "tool_result", "image", "audio", "file", "citation",
    "error", "event",
]  # fmt: skip
Side = Literal["request", "response"]


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str = ""
    """The block's prose (text, reasoning, a tool result, an error), or a one-line summary."""
    title: str = ""
    """A tool's name, an image's summary, an event's label."""
    data: Any = None
    """Structured payload shown as JSON: tool-call arguments, event details."""
    ref: str | None = None
    """The tool-call id a call or a result carries."""
    fields: tuple[tuple[str, Any], ...] = ()
    """An event's details to show, one (key, value) a line; dicts and lists shown as JSON."""


@dataclass(frozen=True, slots=True)
class ConversationItem:
    role: str
    """system / developer / user / assistant / tool, or event / error / notice."""
    side: Side
    blocks: tuple[Block, ...]
    name: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Cross references: which call a result answers, where a call's result is."""

    @property
    def label(self) -> str:
        return f"{self.role} · {self.name}" if self.name else self.role


def build_conversation(mapped: MappedRequest) -> list[ConversationItem]:
    """Every item of ``mapped``'s conversation, in order, tool calls paired with results."""
    items = [_make(source) for source in _sources(mapped)]
    return _pair_tool_calls(items)


class LazyConversation(Sequence[ConversationItem]):
    """The items of `build_conversation` (after ``prefix``), each built when first read.

    Showing a 500-message conversation reads only the first screen's items before its first
    paint. Knowing the length and where each tool call's result is takes one cheap pass over
    the mapped messages (no item is built for it), so an item's notes are right however far
    away its pair is. Numbers in the notes count ``prefix`` too: they are the shown numbers.
    """

    def __init__(
        self,
        mapped: MappedRequest,
        prefix: Iterable[ConversationItem] = (),
        *,
        explain_unmappable: bool = True,
    ) -> None:
        self._sources: list[_Source] = [(item, item.side) for item in prefix]
        self._sources.extend(_sources(mapped, explain_unmappable=explain_unmappable))
        self._built: list[ConversationItem | None] = [None] * len(self._sources)
        self._calls, self._results = _ref_index(self._sources)
        self.built = 0
        """How many items have been built so far."""

    def __len__(self) -> int:
        return len(self._sources)

    @overload
    def __getitem__(self, index: int) -> ConversationItem: ...

    @overload
    def __getitem__(self, index: slice) -> list[ConversationItem]: ...

    def __getitem__(self, index: int | slice) -> ConversationItem | list[ConversationItem]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._sources)))]
        if index < 0:
            index += len(self._sources)
        if not 0 <= index < len(self._sources):
            raise IndexError(index)
        item = self._built[index]
        if item is None:
            item = _make(self._sources[index])
            if self._calls or self._results:
                item = _pair_item(item, self._calls, self._results)
            self._built[index] = item
            self.built += 1
        return item


_Source = tuple[ConversationItem | Message | Response, Side]
"""What an item is built from: a message, a response output, or an item built already."""


def _make(source: _Source) -> ConversationItem:
    payload, side = source
    if isinstance(payload, ConversationItem):
        return payload
    if isinstance(payload, Message):
        return _message_item(payload, side)
    return _response_item(payload)


def _sources(mapped: MappedRequest, *, explain_unmappable: bool = True) -> Iterator[_Source]:
    """Each item to show, in order; messages are built later (items that are not messages are
    few and built here)."""
    schema: LlmSchema = mapped.schema
    request = schema.request
    response = schema.response
    if mapped.unmappable_reason and explain_unmappable:
        notice = f"{mapped.unmappable_reason}\nThe raw bodies are in the JSON tabs."
        yield ConversationItem("notice", "request", (Block("text", notice),)), "request"
    if request is not None:
        messages = request.messages or []
        # The Responses mapper also puts the instructions first among the messages (as
        # Helicone's does): shown once.
        if request.instructions and not (messages and messages[0].content == request.instructions):
            yield (
                ConversationItem(
                    "system", "request", (Block("text", request.instructions),), "instructions"
                ),
                "request",
            )
        for message in messages:
            yield message, "request"
        if not messages and request.prompt:
            prompt = ConversationItem("user", "request", (Block("text", request.prompt),), "prompt")
            yield prompt, "request"
        request_events: tuple[ApiModel | None, ...] = (
            request.toolDetails,
            request.vectorDBDetails,
            request.dataDetails,
        )
        for details in request_events:
            if details is not None:
                yield _event_item(details, "request"), "request"
    if response is not None:
        for message in response.messages or []:
            yield message, "response"
        for output in response.responses or []:
            yield output, "response"
        response_events: tuple[ApiModel | None, ...] = (
            response.toolDetailsResponse,
            response.vectorDBDetailsResponse,
            response.dataDetailsResponse,
        )
        for details in response_events:
            if details is not None:
                yield _event_item(details, "response"), "response"
    error = mapped.error_message or _schema_error(schema)
    if error:
        status = mapped.status.code
        title = f"provider error (HTTP {status})" if status else "provider error"
        yield ConversationItem("error", "response", (Block("error", error, title),)), "response"


def _schema_error(schema: LlmSchema) -> str | None:
    error = schema.response.error if schema.response else None
    if error is None or error.heliconeMessage in (None, "", {}):
        return None
    message = error.heliconeMessage
    return message if isinstance(message, str) else _json_text(message)


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _message_item(message: Message, side: Side) -> ConversationItem:
    role = message.role or ("tool" if message.kind == "function" else _default_role(side))
    if message.kind == "function" and message.role is None:
        role = "tool"
    return ConversationItem(role, side, tuple(_message_blocks(message)), message.name)


def _default_role(side: Side) -> str:
    return "assistant" if side == "response" else "user"


def _message_blocks(message: Message) -> Iterator[Block]:
    if message.reasoning:
        yield Block("reasoning", message.reasoning)
    kind = message.kind
    if kind == "function" or (message.tool_call_id and message.role == "tool"):
        yield Block("tool_result", message.content or "", ref=message.tool_call_id)
    elif kind == "image" or (message.image_url and kind != "contentArray"):
        # Anthropic's mapping repeats an inline image's base64 in `content`: not text to show.
        if message.content and message.content not in (message.image_url or ""):
            yield Block("text", message.content)
        yield Block("image", title=_media_summary(message.image_url, message.mime_type, "image"))
    elif kind == "audio":
        yield Block("audio", title=_media_summary(message.audio_data, message.mime_type, "audio"))
    elif kind == "file":
        yield Block("file", title=_file_summary(message))
    elif message.content:
        yield Block("text", message.content)
    for part in message.contentArray or []:
        yield from _message_blocks(part)
    for call in message.tool_calls or []:
        yield Block("tool_call", title=call.name or "tool", data=call.arguments, ref=call.id)
    for annotation in message.annotations or []:
        if isinstance(annotation, dict):
            title = annotation.get("title") or annotation.get("url") or "citation"
            yield Block("citation", str(annotation.get("url") or ""), str(title))


def _response_item(output: Response) -> ConversationItem:
    return ConversationItem(
        output.role or "assistant", "response", tuple(_response_blocks(output)), output.name
    )


def _response_blocks(output: Response) -> Iterator[Block]:
    kind = output.kind
    if kind == "function" or output.tool_call_id:
        yield Block("tool_result", output.text or "", ref=output.tool_call_id)
    elif kind == "image" or output.image_url:
        yield Block("image", title=_media_summary(output.image_url, None, "image"))
    elif kind == "file":
        yield Block("file", title=output.filename or output.file_id or "file")
    elif output.text:
        yield Block("text", output.text)
    for part in output.contentArray or []:
        yield from _response_blocks(part)
    for call in output.tool_calls or []:
        yield Block("tool_call", title=call.name or "tool", data=call.arguments, ref=call.id)


def _media_summary(url: str | None, mime: str | None, kind: str) -> str:
    if not url:
        return f"[{kind}{': ' + mime if mime else ''}, no data]"
    if url.startswith("data:"):
        return summarize_data_url(url)
    if url.startswith(("http://", "https://")):
        return url
    # Bare base64 (audio data, some image parts): say what and how big, never print it.
    size = len(url) * 3 // 4
    return f"[{kind}: {mime or 'unknown type'}, {size:,} bytes base64]"


def _file_summary(message: Message) -> str:
    name = message.filename or message.file_id or "file"
    data = message.file_data
    if not data:
        return name
    if data.startswith("data:"):
        return f"{name} {summarize_data_url(data)}"
    return f"{name} ({len(data):,} characters of data)"


_EVENT_LABELS = {"tool": "tool event", "vector_db": "vector-db event", "data": "data event"}
# Shown first, in this order; other keys follow as they came. ``kind`` / ``_type`` say what the
# event is (already in the title) and ``metadata`` is flattened below.
_EVENT_ORDER = (
    "toolName", "name", "operation", "databaseName", "status", "message", "text", "topK",
    "actualSimilarity", "similarityThreshold", "destination", "input", "filter", "meta", "vector",
)  # fmt: skip
_EVENT_SKIP = frozenset({"_type", "kind", "metadata"})


def _event_item(details: ApiModel, side: Side) -> ConversationItem:
    data = details.to_json_dict()
    kind = str(data.pop("_type", None) or getattr(details, "kind", None) or "event")
    label = _EVENT_LABELS.get(kind, f"{kind} event")
    name = data.get("toolName") or data.get("name") or data.get("operation")
    return ConversationItem(
        "event",
        side,
        (Block("event", title=f"{label} ({side})", data=data, fields=_event_fields(data)),),
        str(name) if name else None,
    )


def _event_fields(data: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """What an event's details say, as (key, value) pairs worth a line each."""
    flat = {key: value for key, value in data.items() if key not in _EVENT_SKIP}
    metadata = data.get("metadata")
    if isinstance(metadata, dict):
        for key in ("destination", "timestamp"):
            flat.setdefault(key, metadata.get(key))
    keys = [key for key in _EVENT_ORDER if key in flat]
    keys += [key for key in flat if key not in _EVENT_ORDER]
    fields: list[tuple[str, Any]] = []
    for key in keys:
        value = flat[key]
        if value in (None, "", [], {}):
            continue
        if key == "vector" and isinstance(value, list):
            # An embedding is hundreds of floats: its size says enough, the JSON tab has all.
            value = f"{len(value)}-dim vector"
        fields.append((key, value))
    return tuple(fields)


def event_headline(mapped: MappedRequest) -> str | None:
    """``tool event · WeatherAPI`` for a row that is an event, not a conversation."""
    request = mapped.schema.request
    response = mapped.schema.response
    candidates: tuple[ApiModel | None, ...] = (
        request.toolDetails if request else None,
        request.vectorDBDetails if request else None,
        request.dataDetails if request else None,
        response.toolDetailsResponse if response else None,
        response.vectorDBDetailsResponse if response else None,
        response.dataDetailsResponse if response else None,
    )
    for details in candidates:
        if details is None:
            continue
        data = details.to_json_dict()
        kind = str(data.get("_type") or getattr(details, "kind", None) or "event")
        label = _EVENT_LABELS.get(kind, f"{kind} event")
        name = data.get("toolName") or data.get("name")
        if kind == "vector_db":
            operation, database = data.get("operation"), data.get("databaseName")
            name = f"{operation or 'operation'} on {database}" if database else operation
        return f"{label} · {name}" if name else label
    return None


_Calls = dict[str, tuple[int, str]]
_Results = dict[str, int]


def _pair_tool_calls(items: list[ConversationItem]) -> list[ConversationItem]:
    calls: _Calls = {}
    results: _Results = {}
    for index, item in enumerate(items):
        for block in item.blocks:
            if block.ref and block.kind == "tool_call":
                calls.setdefault(block.ref, (index, block.title))
            elif block.ref and block.kind == "tool_result":
                results.setdefault(block.ref, index)
    if not calls and not results:
        return items
    return [_pair_item(item, calls, results) for item in items]


def _pair_item(item: ConversationItem, calls: _Calls, results: _Results) -> ConversationItem:
    notes: list[str] = []
    blocks: list[Block] = []
    name = item.name
    for block in item.blocks:
        if block.kind == "tool_call" and block.ref in results:
            notes.append(f"{block.title} → result in #{results[block.ref] + 1}")
        if block.kind == "tool_result" and block.ref:
            call = calls.get(block.ref)
            if call is not None:
                block = replace(block, title=call[1])
                name = name or call[1]
                notes.append(f"result of {call[1]} (#{call[0] + 1}, {block.ref})")
            else:
                notes.append(f"result of call {block.ref}")
        blocks.append(block)
    return replace(item, blocks=tuple(blocks), notes=tuple(notes), name=name)


def _ref_index(sources: list[_Source]) -> tuple[_Calls, _Results]:
    """Where each tool call and each tool result is, as `_pair_tool_calls` finds them, read
    from the mapped messages without building their items (the refs `_message_blocks` and
    `_response_blocks` give their blocks, in the same order)."""
    calls: _Calls = {}
    results: _Results = {}
    for index, (payload, _) in enumerate(sources):
        if not isinstance(payload, ConversationItem) and not (
            payload.tool_call_id or payload.contentArray or payload.tool_calls
        ):
            continue  # most messages: nothing to pair, and no generator to make for them
        if isinstance(payload, ConversationItem):
            refs: Iterable[tuple[BlockKind, str, str]] = (
                (block.kind, block.ref, block.title) for block in payload.blocks if block.ref
            )
        elif isinstance(payload, Message):
            refs = _message_refs(payload)
        else:
            refs = _response_refs(payload)
        for kind, ref, title in refs:
            if kind == "tool_call":
                calls.setdefault(ref, (index, title))
            elif kind == "tool_result":
                results.setdefault(ref, index)
    return calls, results


def _message_refs(message: Message) -> Iterator[tuple[BlockKind, str, str]]:
    if message.tool_call_id and (message.kind == "function" or message.role == "tool"):
        yield "tool_result", message.tool_call_id, ""
    for part in message.contentArray or []:
        yield from _message_refs(part)
    for call in message.tool_calls or []:
        if call.id:
            yield "tool_call", call.id, call.name or "tool"


def _response_refs(output: Response) -> Iterator[tuple[BlockKind, str, str]]:
    if output.tool_call_id:
        yield "tool_result", output.tool_call_id, ""
    for part in output.contentArray or []:
        yield from _response_refs(part)
    for call in output.tool_calls or []:
        if call.id:
            yield "tool_call", call.id, call.name or "tool"
