"""Widgets of the main screen (the detail pane lives in `ui.detail`)."""
