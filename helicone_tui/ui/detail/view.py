"""`DetailView`: the pane that shows the selected request, in tabs.

The app owns fetching; this pane only shows what it is handed: nothing (`show_empty`), a fetch
in progress, an error with what to do, or a request. Tokens, Cost and Properties are cheap and
are filled at once; the Conversation is built when first shown. The JSON tabs' bodies are
formatted in a thread once the request is painted (only for the request shown; a request left
before its first paint never formats them), so opening a JSON tab is usually instant.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static, TabbedContent, TabPane

from helicone_tui.mapping import MappedRequest
from helicone_tui.models import HeliconeRequest
from helicone_tui.text_safety import sanitize_text

from .body_tab import BodyTab
from .conversation import ConversationView
from .conversation_header import conversation_header
from .conversation_items import Block, ConversationItem, LazyConversation
from .cost_tab import cost_renderable
from .errors import (
    PARTIAL_PROPERTIES_NOTE,
    describe_error,
    describe_fetch_failure,
    describe_missing_body,
)
from .info_pane import InfoPane
from .properties_tab import properties_renderable
from .summary import summary_text
from .tokens_tab import tokens_renderable
from .totals import ListTotals

TAB_IDS: tuple[str, ...] = (
    "tab-conversation",
    "tab-tokens",
    "tab-cost",
    "tab-properties",
    "tab-request-json",
    "tab-response-json",
)
TAB_TITLES: tuple[str, ...] = (
    "1 Conversation",
    "2 Tokens",
    "3 Cost",
    "4 Properties",
    "5 Request JSON",
    "6 Response JSON",
)

EMPTY_TEXT = "Select a request in the list to see its conversation, tokens, cost and properties."


class DetailView(Widget):
    """The selected request: a summary line over six tabs, or a loading / error / empty state."""

    DEFAULT_CLASSES = "detail-view"
    STATES: ClassVar[tuple[str, ...]] = (
        "detail-empty",
        "detail-loading",
        "detail-error",
        "detail-main",
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._row: HeliconeRequest | None = None
        self._mapped: MappedRequest | None = None
        self._totals = ListTotals()
        self._conversation_pending = False
        self._shown = 0
        """Counts what the pane shows; a body prefetch scheduled for an older one is skipped."""
        self._bodies_after_conversation = False
        self.conversation = ConversationView(id="detail-conversation")
        self.tokens = InfoPane(id="detail-tokens")
        self.cost = InfoPane(id="detail-cost")
        self.properties = InfoPane(id="detail-properties")
        self.request_body = BodyTab("request", id="detail-request-json")
        self.response_body = BodyTab("response", id="detail-response-json")

    def compose(self) -> ComposeResult:
        with ContentSwitcher(initial="detail-empty", id="detail-switcher"):
            yield Static(EMPTY_TEXT, id="detail-empty", markup=False)
            yield Static("", id="detail-loading", markup=False)
            yield Static("", id="detail-error", markup=False)
            with Vertical(id="detail-main"):
                yield Static("", id="detail-summary", markup=False)
                yield Static("", id="detail-notice", markup=False)
                with TabbedContent(id="detail-tabs"):
                    for tab_id, title, content in zip(
                        TAB_IDS,
                        TAB_TITLES,
                        (
                            self.conversation,
                            self.tokens,
                            self.cost,
                            self.properties,
                            self.request_body,
                            self.response_body,
                        ),
                        strict=True,
                    ):
                        with TabPane(title, id=tab_id):
                            yield content

    # -- state --------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        """Which of `STATES` is shown."""
        return self.query_one(ContentSwitcher).current or "detail-empty"

    @property
    def row(self) -> HeliconeRequest | None:
        return self._row

    @property
    def active_tab(self) -> int:
        active = self.query_one(TabbedContent).active
        return TAB_IDS.index(active) if active in TAB_IDS else 0

    @property
    def active_content(self) -> Widget:
        """The widget that scrolls in the active tab (the one to focus for j/k, g/G, w)."""
        return (
            self.conversation,
            self.tokens,
            self.cost,
            self.properties,
            self.request_body.view,
            self.response_body.view,
        )[self.active_tab]

    def _switch(self, state: str) -> None:
        self._shown += 1
        self._bodies_after_conversation = False
        self.query_one(ContentSwitcher).current = state

    def show_empty(self) -> None:
        self._row = None
        self._mapped = None
        self._switch("detail-empty")

    def show_loading(self, request_id: str) -> None:
        self.query_one("#detail-loading", Static).update(
            Text(f"Loading request {sanitize_text(request_id)} …", style="italic")
        )
        self._switch("detail-loading")

    def show_error(self, request_id: str, error: Exception, *, said_above: bool = False) -> None:
        """What went wrong and what to do; `said_above`: the app already says it, for every
        request (a refused key): only the title, pointing there."""
        report = describe_error(request_id, error)
        text = Text()
        # Titles and advice can quote the id or the server: all of it is made terminal-safe.
        text.append(f"✖ {sanitize_text(report.title)}\n", "bold red")
        text.append(f"request {sanitize_text(request_id)}\n\n", "dim")
        if said_above:
            text.append("The line at the top says why, and what to do.")
        else:
            text.append(sanitize_text(report.message))
            text.append("\n")
            for step in report.advice:
                text.append(f"\n• {sanitize_text(step)}")
        self.query_one("#detail-error", Static).update(text)
        self._switch("detail-error")

    @property
    def notice(self) -> str:
        """The line over the tabs ("" when hidden): a refresh going on or failed, a stand-in."""
        notice = self.query_one("#detail-notice", Static)
        return str(notice.render()) if notice.has_class("-shown") else ""

    def show_notice(self, text: str | None, *, failed: bool = False) -> None:
        """Say something about the request shown, in a line or two over its tabs (None hides
        it)."""
        notice = self.query_one("#detail-notice", Static)
        notice.update(Text(sanitize_text(text or "")))
        notice.set_class(bool(text), "-shown")
        notice.set_class(failed, "-failed")

    def show_refreshing(self) -> None:
        self.show_notice("Refreshing…")

    def show_fetch_failed(self, error: Exception, *, kept: bool) -> None:
        """Fetching the request shown failed: `kept`, it is what was loaded before (a refresh);
        else a stand-in from the list's row (`show_request` of it first)."""
        self.show_notice(describe_fetch_failure(error, kept=kept), failed=True)
        if not kept and self._row is not None and self._mapped is not None:
            self.properties.show(
                Group(
                    Text(PARTIAL_PROPERTIES_NOTE, style="italic"),
                    Text(""),
                    properties_renderable(self._row, self._mapped),
                )
            )

    def show_request(self, row: HeliconeRequest, mapped: MappedRequest, totals: ListTotals) -> None:
        self.show_notice(None)
        self._row = row
        self._mapped = mapped
        self._totals = totals
        self.query_one("#detail-summary", Static).update(summary_text(row, mapped))
        self.tokens.show(tokens_renderable(row))
        self.cost.show(cost_renderable(row, totals))
        self.properties.show(properties_renderable(row, mapped))
        info = row.body_info
        self.request_body.set_body(row.request_body, info)
        self.response_body.set_body(row.response_body, info)
        self._conversation_pending = True
        self._switch("detail-main")
        self._refresh_active()
        # Format the bodies in the background once this request is painted (the conversation's
        # first paint when it is the tab shown): opening a JSON tab is then usually instant.
        if self.active_tab == 0:
            self._bodies_after_conversation = True
        else:
            self.call_after_refresh(self._prepare_bodies, self._shown)

    def on_conversation_view_first_paint(self, event: ConversationView.FirstPaint) -> None:
        if self._bodies_after_conversation:
            self._bodies_after_conversation = False
            self._prepare_bodies(self._shown)

    def _prepare_bodies(self, shown: int) -> None:
        if shown == self._shown and self.state == "detail-main":
            self.request_body.prepare()
            self.response_body.prepare()

    def update_totals(self, totals: ListTotals) -> None:
        self._totals = totals
        self.cost.show(cost_renderable(self._row, totals))

    # -- tabs ---------------------------------------------------------------------------------

    def select_tab(self, index: int) -> None:
        if 0 <= index < len(TAB_IDS):
            self.query_one(TabbedContent).active = TAB_IDS[index]
            self._refresh_active()

    def next_tab(self) -> None:
        self.select_tab((self.active_tab + 1) % len(TAB_IDS))

    def prev_tab(self) -> None:
        self.select_tab((self.active_tab - 1) % len(TAB_IDS))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._refresh_active()

    def _refresh_active(self) -> None:
        active = self.active_tab
        if active == 0 and self._conversation_pending:
            self._conversation_pending = False
            self._load_conversation()
        elif active == 4:
            self.request_body.refresh_body()
        elif active == 5:
            self.response_body.refresh_body()

    def _load_conversation(self) -> None:
        row, mapped = self._row, self._mapped
        if row is None or mapped is None:
            return
        missing = describe_missing_body(row.body_info)
        notice = (
            [ConversationItem("notice", "request", (Block("text", missing),))] if missing else []
        )
        # Items are built as the view reads them: the first screen's before its first paint.
        # Without bodies, the notice says why; the mapping's own reason and its header
        # ("unknown · 0 messages") would only contradict it.
        items = LazyConversation(mapped, notice, explain_unmappable=not missing)
        self.conversation.load(items, None if missing else conversation_header(mapped))

    def focused_message_markdown(self) -> str | None:
        """The message under the Conversation cursor, as markdown (whole, never cut)."""
        if self._row is None:
            return None
        return self.conversation.focused_markdown()
