"""Loading a dataset file for ``--data``: a JSON array or JSON Lines of ``HeliconeRequest`` rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class DataFileError(ValueError):
    """A dataset file that cannot be used; the message is one line, fit for the terminal."""


def load_rows_file(path: str | Path) -> list[dict[str, Any]]:
    """Rows from ``path``. Also accepts ``{"data": [...]}`` (a saved query-ids answer)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise DataFileError(f"{file}: is a directory, not a JSON or JSONL file") from None
    except UnicodeDecodeError:
        raise DataFileError(f"{file}: not UTF-8 text") from None
    except OSError as exc:
        raise DataFileError(f"{file}: cannot read ({exc.strerror})") from None
    stripped = text.lstrip()
    if not stripped:
        raise DataFileError(f"{file}: empty file")
    rows: Any
    if stripped[0] in "[{":
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            if stripped[0] == "[":
                raise DataFileError(
                    f"{file}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
                ) from None
            rows = _json_lines(file, text)
        else:
            if isinstance(rows, dict):
                rows = rows["data"] if isinstance(rows.get("data"), list) else [rows]
    else:
        raise DataFileError(f"{file}: expected a JSON array or JSON Lines of request rows")
    return _checked(file, rows)


def _json_lines(file: Path, text: str) -> list[Any]:
    rows: list[Any] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DataFileError(
                f"{file}: line {number} is not valid JSON (column {exc.colno}: {exc.msg})"
            ) from None
    return rows


def _checked(file: Path, rows: Any) -> list[dict[str, Any]]:
    if not isinstance(rows, list):
        raise DataFileError(f"{file}: expected a JSON array of request rows")
    seen: set[str] = set()
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise DataFileError(f"{file}: row {index} is not a JSON object")
        request_id = row.get("request_id")
        if not isinstance(request_id, str) or not request_id:
            raise DataFileError(f"{file}: row {index} has no string request_id")
        if request_id in seen:
            raise DataFileError(f"{file}: row {index} repeats request_id {request_id}")
        seen.add(request_id)
    if not rows:
        raise DataFileError(f"{file}: no rows")
    return rows
