"""The main screen: paste pane, request list, detail pane; and the flows between them.

Every network call runs in a worker (`exit_on_error=False`); results come back as worker state
changes, all handled in `on_worker_state_changed`, the one place that deals with failures.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Paste
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from ...client import HeliconeError, IdResult, NotFoundError
from ...client.errors import AuthError, join_sentences
from ...formatting import format_int
from ...ids import extract_ids
from ...text_safety import sanitize_line
from ..copy_items import COPY_SPECS, SPEC_BY_ITEM, CopyItem, NothingToCopy, copy_text
from ..detail.totals import ListTotals
from ..fetching import Detail, DetailCache, detail_from_summary, fetch_detail, neighbours
from ..list_model import NOT_FOUND_REASONS, EntryState, RequestListModel
from ..messages import IdsSubmitted, RequestHighlighted, RequestOpened, RowsArrived, SortRequested
from ..widgets.footer import LeanFooter
from ..widgets.id_input import IdInput
from ..widgets.request_list import RequestList

if TYPE_CHECKING:
    from ...client import HeliconeClient
    from ..app import HeliconeTUI
    from ..detail import DetailView  # mounted after the first frame: see `_get_ready`

#: Seconds the cursor must rest on an uncached row before it is fetched: holding `j` through a
#: long list then spends no requests (and no rate-limit budget) on rows flown past.
FETCH_DELAY_S = 0.12
#: Seconds between repaints of the list totals while rows arrive.
TOTALS_DELAY_S = 0.25
DETAIL_GROUP = "detail"
LIST_GROUP = "list"
COPY_GROUP = "copy"
READY_GROUP = "ready"
#: Seconds a routine confirmation (ids added, copied, retrying) stays: toasts sit over the
#: detail's text. Errors and warnings keep Textual's longer default.
ROUTINE_NOTICE_S = 2.5


_fills_running = 0


@contextmanager
def _old_objects_frozen() -> Iterator[None]:
    """While the list fills, the cyclic GC skips the objects that were there before it began.

    A fill allocates fast (parsed batches), so full collections come several times per fill,
    and each walked every object of the app (100,000+, most of them modules, classes and
    widgets): 50-200 ms with the GIL held, the event loop stalled. Frozen, they are not walked;
    unfrozen when the last fill ends, so garbage among them is still collected after."""
    global _fills_running
    if _fills_running == 0:
        gc.freeze()
    _fills_running += 1
    try:
        yield
    finally:
        _fills_running -= 1
        if _fills_running == 0:
            gc.unfreeze()


def _import_detail_view() -> type[DetailView]:
    from ..detail.view import DetailView

    return DetailView


class DetailPane(Vertical):
    """Holds the detail view; `enter` maximizes it to read a request full screen."""

    ALLOW_MAXIMIZE = True


# Bound to priority keys (see BINDINGS): never taken while a text box has the focus.
_FOCUS_TEXT_ACTIONS = frozenset({"filter", "add_ids"})


class MainScreen(Screen[None]):
    # `action_back` minimizes the detail itself, and puts the focus back on the list.
    ESCAPE_TO_MINIMIZE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False),
        # Keys that move the focus to a text box are priority bindings: those run as the app
        # reads the key, so keys typed right after them (a burst from a paste or a fast typist)
        # already land in the box. A normal binding runs only once the key has bubbled up from
        # the old focus, and the keys behind it are forwarded there first and lost.
        # `check_action` lets them through as text while a box has the focus.
        Binding("slash", "filter", "Filter", priority=True),
        Binding("s", "sort", "Sort"),
        Binding("S", "reverse_sort", "Reverse sort", show=False),
        Binding("y", "copy_menu", "Copy"),
        Binding("r", "refetch", "Refetch"),
        Binding("d", "remove", "Remove", show=False),
        Binding("D", "clear", "Clear list", show=False),
        Binding("a", "add_ids", "Add ids", priority=True),
        Binding("n", "next_request", "Next request", show=False),
        Binding("p", "previous_request", "Previous request", show=False),
        Binding("left_square_bracket", "prev_tab", "Previous tab", show=False),
        Binding("right_square_bracket", "next_tab", "Next tab", show=False),
        *[Binding(str(n), f"tab({n - 1})", f"Tab {n}", show=False) for n in range(1, 7)],
        *[
            Binding(
                spec.key.upper(), f"copy('{spec.item.value}')", f"Copy {spec.label}", show=False
            )
            for spec in COPY_SPECS
        ],
    ]

    app: HeliconeTUI

    def __init__(
        self,
        client_factory: Callable[[], Awaitable[HeliconeClient | None]],
        initial_ids: list[str],
    ) -> None:
        super().__init__()
        #: Awaited once the first frame is written (httpx, pydantic and the models load then,
        #: in a thread); `None` if it refused the key (and the app has left this screen).
        self._client_factory = client_factory
        self._client: HeliconeClient | None = None
        self._client_ready = asyncio.Event()
        self.model = RequestListModel()
        self.cache = DetailCache()
        self._initial_ids = initial_ids
        self._selected: str | None = None
        self._in_flight: dict[str, Worker[Detail]] = {}
        self._fetch_timer: Timer | None = None
        self._totals_timer: Timer | None = None
        self._totals: ListTotals = self.model.totals()
        self._notified_errors: set[str] = set()
        self._read_only_noted = False
        self._detail_view: DetailView | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static(id="key-banner", markup=False)
        with Vertical(id="browser"):
            yield IdInput(id="ids")
            with Horizontal(id="list-bar"):
                yield Static(id="list-status", markup=False)
                yield Input(placeholder="/ filter", compact=True, id="filter")
            yield RequestList(self.model, id="requests")
        yield DetailPane(id="detail-pane")  # its `DetailView` comes after the first frame
        yield LeanFooter()

    @property
    def request_list(self) -> RequestList:
        return self.query_one(RequestList)

    @property
    def client(self) -> HeliconeClient:
        client = self._client
        if client is None:
            raise LookupError("the client is made after the list's first frame")
        return client

    async def _ready_client(self) -> HeliconeClient:
        """The client, once `_get_ready` has made it: network workers wait here."""
        await self._client_ready.wait()
        return self.client

    @property
    def detail(self) -> DetailView:
        view = self._detail_view
        if view is None:
            raise LookupError("the detail pane is mounted after the list's first frame")
        return view

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        self.request_list.focus()
        if self._initial_ids:
            self.add_ids(self._initial_ids)
        else:
            self.query_one(IdInput).focus()
        self._update_status()

    def _after_first_frame(self) -> None:
        """Get ready in a worker: awaited here, in the screen's message loop, it would keep the
        screen from repainting (and so keys from showing) until it is done."""
        _worker: Worker[None] = self.run_worker(self._get_ready, group=READY_GROUP, name="ready")

    async def _get_ready(self) -> None:
        """Make the client and mount the detail pane; then the queued list workers start, and
        the pane shows the selection.

        Both import in threads (httpx, pydantic, the models, the mapping, the detail widgets:
        ~0.2 s), once the first frame has been written: done on the loop, that was one stall
        right when a user starts typing; done in a thread before the frame is out, it slowed
        the frame down. The pane is mounted before the list fills, so the two do not share the
        loop, and the pane is there when the first rows are."""
        await self.app.output_written()
        client = await self._client_factory()
        if client is None:
            return  # the key was refused: the app shows why
        view_class = await asyncio.to_thread(_import_detail_view)
        view = view_class(id="detail")
        await self.query_one(DetailPane).mount(view)
        self._detail_view = view
        self._client = client
        self._client_ready.set()
        self._show_selected()

    # ------------------------------------------------------------------ adding ids

    def add_ids(self, ids: list[str], summary: str | None = None) -> int:
        added = self.model.add_ids(ids)
        self.request_list.view_changed()
        if summary is not None:
            present = len(ids) - len(added)
            extra = f" {format_int(present)} already listed." if present else ""
            self.notify(
                f"{summary}{extra} Added {format_int(len(added))}.",
                markup=False,
                timeout=ROUTINE_NOTICE_S,
            )
        if added:
            self._query(added)
            if self._selected is None:
                self.request_list.select_id(added[0])
        self._update_status()
        return len(added)

    @on(IdsSubmitted)
    def _ids_submitted(self, message: IdsSubmitted) -> None:
        self.add_ids(message.ids, message.summary)
        # Back to the list, whose keys the footer shows: left in the box, the next `a`, `j` or
        # `k` would be typed into it.
        self.set_focus(self.request_list)

    def on_paste(self, event: Paste) -> None:
        """A paste anywhere but a text field (those take their own) adds its ids."""
        extracted = extract_ids(event.text)
        if extracted.ids:
            self.add_ids(extracted.ids, extracted.summary())
        else:
            self.notify(extracted.summary(), severity="warning", markup=False)

    def _query(self, ids: list[str]) -> None:
        # Workers get a coroutine *function*: one cancelled before it starts leaves no
        # never-awaited coroutine behind.
        _worker: Worker[int] = self.run_worker(
            partial(self._query_worker, ids),
            group=LIST_GROUP,
            name="query-ids",
            exit_on_error=False,
        )

    async def _query_worker(self, ids: list[str]) -> int:
        """Posts each batch as it arrives; returns how many ids were answered."""
        answered = 0
        client = await self._ready_client()
        with _old_objects_frozen():
            async for chunk in client.iter_query_summaries(ids):
                answered += len(chunk)
                self.post_message(RowsArrived(chunk))
        return answered

    @on(RowsArrived)
    def _rows_arrived(self, message: RowsArrived) -> None:
        if not self.model.apply(message.results):
            return
        if self.model.filter_text or self.model.sort.key:
            self.request_list.view_changed()
        else:
            self.request_list.rows_changed()
        self._totals_changed()
        self._update_status()
        self._note_read_only_key()
        self._notify_failures(message.results)
        self._note_key_state(message.results)
        selected = self._selected
        if selected not in self.cache and any(r.request_id == selected for r in message.results):
            self._show_selected()

    def _note_read_only_key(self) -> None:
        """Say once why a read-only key fills the list slowly (one paced GET per id)."""
        if self.client.read_only and not self._read_only_noted:
            self._read_only_noted = True
            self.notify(
                "This key is read-only, so the list is fetched one request at a time "
                "(Helicone allows 600 per 5 minutes): long lists fill slowly.",
                title="Read-only key",
                timeout=8,
                markup=False,
            )

    def _totals_changed(self) -> None:
        """Show the list totals soon: once per `TOTALS_DELAY_S` while batches pour in, not once
        per batch (the model keeps them up to date; this repaints the Cost tab)."""
        if self._totals_timer is None:
            self._totals_timer = self.set_timer(TOTALS_DELAY_S, self._refresh_totals)

    def _refresh_totals(self) -> None:
        self._totals_timer = None
        self._totals = self.model.totals()
        if self._selected is not None and self._selected in self.cache and self._detail_view:
            self.detail.update_totals(self._totals)

    def _note_key_state(self, results: Sequence[IdResult[Any]]) -> None:
        """A refused key shows the banner; a row that arrives proves the key works."""
        refused = next((r.error for r in results if isinstance(r.error, AuthError)), None)
        if refused is not None:
            self._show_key_refused(refused)
        elif any(r.row is not None for r in results):
            self._hide_key_refused()

    def _show_key_refused(self, error: BaseException) -> None:
        """Say once, over the list, that the key was refused: every row fails for that reason,
        and no row says "401" on its own (the Status column is the LLM call's)."""
        banner = self.query_one("#key-banner", Static)
        banner.update(
            Text(
                "✖ "
                + sanitize_line(
                    join_sentences(
                        str(error),
                        "Fix the key (helicone-tui login stores a new one) and restart; "
                        "r tries again",
                    )
                )
            )
        )
        banner.add_class("-shown")

    def _hide_key_refused(self) -> None:
        self.query_one("#key-banner", Static).remove_class("-shown")

    @property
    def key_refused_notice(self) -> str:
        """The refused-key banner's text ("" when hidden)."""
        banner = self.query_one("#key-banner", Static)
        return str(banner.render()) if banner.has_class("-shown") else ""

    def _notify_failures(self, results: Sequence[IdResult[Any]]) -> None:
        for result in results:
            error = result.error
            if error is None or isinstance(error, NotFoundError | AuthError):
                continue  # not found: the rows say it; a refused key: the banner does
            text = str(error)
            if text not in self._notified_errors:
                self._notified_errors.add(text)
                failed = sum(1 for r in results if r.error is not None and str(r.error) == text)
                self.notify(
                    f"{text} ({format_int(failed)} row{'s' if failed != 1 else ''}; "
                    "press r to retry)",
                    title="Loading the list failed",
                    severity="error",
                    markup=False,
                )

    # ------------------------------------------------------------------ status line

    def _update_status(self) -> None:
        done, total = self.model.progress()
        counts = self.model.counts()
        parts = [f"{format_int(total)} request{'s' if total != 1 else ''}"]
        if done < total:
            parts.append(f"loading {format_int(done)} / {format_int(total)}")
        if counts[EntryState.NOT_FOUND]:
            parts.append(f"{format_int(counts[EntryState.NOT_FOUND])} not found")
        if counts[EntryState.ERROR]:
            parts.append(f"{format_int(counts[EntryState.ERROR])} not loaded (r retries)")
        if self.model.filter_text:
            shown = format_int(len(self.model.view))
            parts.append(f"filter “{self.model.filter_text}”: {shown} shown")
        if self.model.sort.key:
            parts.append(f"sort: {self.model.sort.label()}")
        self.query_one("#list-status", Static).update(Text(sanitize_line(" · ".join(parts))))

    # ------------------------------------------------------------------ selection

    @on(RequestHighlighted)
    def _highlighted(self, message: RequestHighlighted) -> None:
        if message.request_id == self._selected:
            return
        self._selected = message.request_id
        self._show_selected()

    @on(RequestOpened)
    def _opened(self, message: RequestOpened) -> None:
        self._show_selected(delay=False)
        self.maximize(self.query_one(DetailPane), container=False)
        self._focus_detail()

    def _focus_detail(self) -> None:
        """Focus the content of the detail's active tab, so j/k, g/G and w act on it.

        Asked for by name: a query for the first focusable widget found the tab bar while a
        pane was being switched in (or still loading), and keys there do nothing."""
        if self._detail_view is None:
            return
        self.set_focus(self.detail.active_content)

    def _show_selected(self, *, delay: bool = True) -> None:
        """Show what is known about the selected request, fetching it if need be."""
        if self._detail_view is None:
            return  # `_get_ready` shows the selection once the pane is there
        if self._fetch_timer is not None:
            self._fetch_timer.stop()
            self._fetch_timer = None
        request_id = self._selected
        if request_id is None:
            self.detail.show_empty()
            return
        self._cancel_unneeded(request_id)
        entry = self.model.get(request_id)
        if entry is not None and entry.state is EntryState.NOT_FOUND:
            self.detail.show_error(
                request_id, entry.error or NotFoundError(request_id, hint=NOT_FOUND_REASONS)
            )
            return
        cached = self.cache.get(request_id)
        if cached is not None:
            self.detail.show_request(cached.row, cached.mapped, self._totals)
            self._prefetch()
            return
        self.detail.show_loading(request_id)
        if request_id in self._in_flight:
            return
        if delay:
            self._fetch_timer = self.set_timer(FETCH_DELAY_S, self._fetch_selected)
        else:
            self._fetch_selected()

    def _fetch_selected(self) -> None:
        self._fetch_timer = None
        if self._selected is not None and self._selected not in self.cache:
            self._fetch(self._selected)

    def _fetch(self, request_id: str) -> None:
        if request_id in self._in_flight:
            return
        self._in_flight[request_id] = self.run_worker(
            partial(self._fetch_worker, request_id),
            group=DETAIL_GROUP,
            name=request_id,
            exit_on_error=False,
        )

    async def _fetch_worker(self, request_id: str) -> Detail:
        """The request's detail; when that fails for a row the list has (and no earlier detail
        of it is kept to go on showing), a stand-in from the list's row carrying the error."""
        client = await self._ready_client()
        try:
            return await fetch_detail(client, request_id)
        except HeliconeError as exc:
            entry = self.model.get(request_id)
            if isinstance(exc, NotFoundError) or entry is None or entry.row is None:
                raise
            if request_id in self.cache:
                raise  # a refresh: what was loaded before stays on screen
            return await asyncio.to_thread(detail_from_summary, entry.row, exc)

    def _wanted(self, request_id: str) -> set[str]:
        index = self.model.index_of(request_id)
        if index is None:
            return {request_id}
        ids = [e.request_id for e in self.model.view]
        return {request_id, *neighbours(ids, index)}

    def _cancel_unneeded(self, request_id: str) -> None:
        wanted = self._wanted(request_id)
        for other, worker in list(self._in_flight.items()):
            if other not in wanted:
                worker.cancel()
                del self._in_flight[other]

    def _prefetch(self) -> None:
        """Fetch the selection's neighbours while the rate-limit bucket has tokens to spare."""
        if self._selected is None:
            return
        index = self.model.index_of(self._selected)
        if index is None:
            return
        ids = [e.request_id for e in self.model.view[max(0, index - 3) : index + 4]]
        for request_id in neighbours(ids, ids.index(self._selected)):
            entry = self.model.get(request_id)
            if entry is None or entry.state is not EntryState.OK:
                continue
            if request_id in self.cache or request_id in self._in_flight:
                continue
            if self.client.get_bucket.would_wait() > 0:
                return
            self._fetch(request_id)

    # ------------------------------------------------------------------ worker results

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker results and failures land."""
        worker = event.worker
        if worker.group == DETAIL_GROUP:
            self._detail_worker_changed(worker, event.state)
        elif worker.group == LIST_GROUP and event.state is WorkerState.ERROR:
            if isinstance(worker.error, AuthError):
                self._show_key_refused(worker.error)
            else:
                self.notify(
                    join_sentences(f"Loading the list stopped: {worker.error}", "Press r to retry"),
                    severity="error",
                    markup=False,
                )
            self._fail_loading(worker.error)
        elif worker.group == COPY_GROUP and event.state is WorkerState.ERROR:
            error = worker.error
            if isinstance(error, NothingToCopy):
                self.notify(str(error), severity="warning", markup=False)
            else:
                self.notify(f"Copy failed: {error}", severity="error", markup=False)

    def _detail_worker_changed(self, worker: Worker[Detail], state: WorkerState) -> None:
        request_id = worker.name
        if state not in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        if self._in_flight.get(request_id) is worker:
            del self._in_flight[request_id]
        if state is WorkerState.SUCCESS and worker.result is not None:
            detail = worker.result
            if detail.error is not None:
                self._detail_failed_with_row(request_id, detail)
                return
            self._hide_key_refused()
            self.cache.put(request_id, detail)
            entry = self.model.get(request_id)
            if entry is not None and entry.state is not EntryState.OK:
                self.model.apply([IdResult(request_id, row=detail.row)])
                self.request_list.rows_changed()
                self._totals_changed()
                self._update_status()
            if request_id == self._selected and self._detail_view is not None:
                self.detail.show_request(detail.row, detail.mapped, self._totals)
                self._prefetch()
        elif state is WorkerState.ERROR:
            error = worker.error if isinstance(worker.error, Exception) else Exception("failed")
            if isinstance(error, AuthError):
                self._show_key_refused(error)
            if isinstance(error, NotFoundError) and request_id in self.model:
                self.cache.discard(request_id)
                self.model.apply([IdResult(request_id, error=error)])
                self.request_list.rows_changed()
                self._update_status()
            if request_id != self._selected or self._detail_view is None:
                return
            kept = None if isinstance(error, NotFoundError) else self.cache.get(request_id)
            if kept is None:
                said_above = isinstance(error, AuthError) and bool(self.key_refused_notice)
                self.detail.show_error(request_id, error, said_above=said_above)
                return
            # A refresh failed: what was loaded a moment ago is still right; say so over it.
            if not self._showing(request_id):
                self.detail.show_request(kept.row, kept.mapped, self._totals)
            self.detail.show_fetch_failed(error, kept=True)

    def _showing(self, request_id: str) -> bool:
        """True when the detail pane shows this request's tabs (loaded, or from the list)."""
        shown = self.detail.row
        return (
            self.detail.state == "detail-main"
            and shown is not None
            and shown.request_id == request_id
        )

    def _detail_failed_with_row(self, request_id: str, detail: Detail) -> None:
        """Fetching a request the list has failed: show what the list knows (tokens, cost…)
        and say over the tabs why the rest is missing. Not cached: moving back tries again."""
        if isinstance(detail.error, AuthError):
            self._show_key_refused(detail.error)
        if request_id == self._selected and self._detail_view is not None and detail.error:
            self.detail.show_request(detail.row, detail.mapped, self._totals)
            self.detail.show_fetch_failed(detail.error, kept=False)

    def _fail_loading(self, error: BaseException | None) -> None:
        failure = error if isinstance(error, HeliconeError) else HeliconeError(str(error))
        stuck = [e.request_id for e in self.model.entries if e.loading]
        self.model.apply(IdResult(i, error=failure) for i in stuck)
        self.request_list.rows_changed()
        self._update_status()

    # ------------------------------------------------------------------ actions

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
            self.set_focus(self.request_list)
        elif self.focused is self.query_one("#filter", Input):
            self._close_filter(clear=True)
        else:
            self.set_focus(self.request_list)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False while a box has the focus: the key is text for it (and the footer hides it).
        return not (action in _FOCUS_TEXT_ACTIONS and isinstance(self.focused, Input))

    def action_add_ids(self) -> None:
        self.set_focus(self.query_one(IdInput))

    def action_filter(self) -> None:
        # set_focus, not focus(): keys typed right after `/` must already land in the box.
        self.set_focus(self.query_one("#filter", Input))

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.model.set_filter(event.value)
        self.request_list.view_changed()
        self._update_status()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self._close_filter(clear=False)

    def _close_filter(self, *, clear: bool) -> None:
        box = self.query_one("#filter", Input)
        if clear:
            box.value = ""
            self.model.set_filter("")
            self.request_list.view_changed()
            self._update_status()
        self.set_focus(self.request_list)

    def set_filter(self, text: str) -> None:
        box = self.query_one("#filter", Input)
        box.value = text
        self.model.set_filter(text)
        self.request_list.view_changed()
        self._update_status()

    def action_sort(self) -> None:
        self.model.cycle_sort()
        self._sorted()

    def action_reverse_sort(self) -> None:
        if self.model.sort.key is not None:
            self.model.sort_by(self.model.sort.key)
            self._sorted()

    def sort_by(self, column: str | None) -> None:
        self.model.sort_by(column)
        self._sorted()

    @on(SortRequested)
    def _sort_requested(self, message: SortRequested) -> None:
        self.sort_by(message.column)

    def _sorted(self) -> None:
        self.request_list.view_changed()
        self._update_status()

    def action_remove(self) -> None:
        entry = self.request_list.selected
        if entry is None:
            return
        index = self.request_list.cursor
        self.model.remove(entry.request_id)
        self.cache.discard(entry.request_id)
        view = self.model.view
        keep = view[min(index, len(view) - 1)].request_id if view else None
        self.request_list.view_changed(keep=keep)
        self._totals_changed()
        self._update_status()

    def action_clear(self) -> None:
        from .confirm import ConfirmScreen

        count = len(self.model)
        if not count:
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.clear_list()

        self.app.push_screen(
            ConfirmScreen(f"Remove all {count:,} requests from the list?"), callback=done
        )

    def clear_list(self) -> None:
        self.workers.cancel_group(self, LIST_GROUP)
        self.workers.cancel_group(self, DETAIL_GROUP)
        self._in_flight.clear()
        self.model.clear()
        self.cache.clear()
        self.set_filter("")
        self.request_list.view_changed()
        self._totals_changed()
        self._update_status()
        # The empty list keeps the focus (and says what to do): `a` opens the box, as the
        # footer says; a paste anywhere adds its ids.
        self.set_focus(self.request_list)

    def action_refetch(self) -> None:
        failed = self.model.failed_ids()
        if failed:
            self.model.mark_loading(failed)
            self._notified_errors.clear()
            self.request_list.rows_changed()
            self._update_status()
            self._query(failed)
            self.notify(
                f"Querying {format_int(len(failed))} row{'s' if len(failed) != 1 else ''} "
                "that did not load again.",
                timeout=ROUTINE_NOTICE_S,
            )
        request_id = self._selected
        if request_id is not None:
            # The detail loaded before stays (in the cache and on screen) until the new one
            # comes: a refresh that fails says so over it instead of taking it away.
            worker = self._in_flight.pop(request_id, None)
            if worker is not None:
                worker.cancel()
            if self._detail_view is not None:
                if self._showing(request_id):
                    self.detail.show_refreshing()
                else:
                    self.detail.show_loading(request_id)
            self._fetch(request_id)

    def action_next_request(self) -> None:
        self.request_list.action_cursor_down()

    def action_previous_request(self) -> None:
        self.request_list.action_cursor_up()

    def action_tab(self, index: int) -> None:
        self._switch_tab(lambda: self.detail.select_tab(index))

    def action_next_tab(self) -> None:
        self._switch_tab(lambda: self.detail.next_tab())

    def action_prev_tab(self) -> None:
        self._switch_tab(lambda: self.detail.prev_tab())

    def _switch_tab(self, switch: Callable[[], None]) -> None:
        # The focused content of the old tab is hidden and the focus would fall to the tab bar,
        # where j/k, g/G and w do nothing: follow into the new tab. From the list, stay there.
        if self._detail_view is None:
            return
        focused = self.focused
        in_detail = focused is not None and self.detail in focused.ancestors_with_self
        switch()
        if in_detail:
            self._focus_detail()

    # ------------------------------------------------------------------ copy

    def action_copy_menu(self) -> None:
        from .copy_menu import CopyMenuScreen

        if self._selected is None:
            self.notify("Select a request first.", severity="warning")
            return

        def chosen(item: CopyItem | None) -> None:
            if item is not None:
                self.action_copy(item.value)

        self.app.push_screen(CopyMenuScreen(), callback=chosen)

    def action_copy(self, item_name: str) -> None:
        request_id = self._selected
        if request_id is None:
            self.notify("Select a request first.", severity="warning")
            return
        item = CopyItem(item_name)
        view = self._detail_view
        focused = (
            view.focused_message_markdown()
            if item is CopyItem.MESSAGE and view is not None
            else None
        )
        _worker: Worker[int] = self.run_worker(
            partial(self._copy_worker, request_id, item, focused),
            group=COPY_GROUP,
            name=item.value,
            exit_on_error=False,
        )

    async def _copy_worker(self, request_id: str, item: CopyItem, focused: str | None) -> int:
        """Copies the item; returns the number of characters copied."""
        import asyncio

        spec = SPEC_BY_ITEM[item]
        if item is CopyItem.REQUEST_ID:
            text = request_id
        elif item is CopyItem.LINK:
            text = (await self._ready_client()).dashboard_url(request_id)
        else:
            detail = self.cache.get(request_id)
            if detail is None:
                self.notify(
                    f"Fetching {request_id[:8]}… to copy its {spec.label}.",
                    timeout=ROUTINE_NOTICE_S,
                )
                detail = await fetch_detail(await self._ready_client(), request_id)
                self.cache.put(request_id, detail)
            text = await asyncio.to_thread(copy_text, item, detail, focused_message=focused)
        await self.app.copy_text(text, spec.label, f"{request_id[:8]}-{item.value}")
        return len(text)
