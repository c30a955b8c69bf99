"""Micro-benchmark of ``map_request`` on the two large rows, against ``json.loads`` as the floor.

    .venv/bin/python bench/bench_mapping.py [--repeat N]

For each row it prints the median time of ``map_request`` and of ``json.loads`` on the same two
bodies (what any client must pay to read them at all), and their ratio. The rows come from the
fake server's dataset (``helicone_tui.fake``) when it is importable; otherwise equivalent rows
are built here: a 500-message OpenAI chat with tool calls, and a ~5 MB chat whose user message
and answer are long documents.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helicone_tui.mapping import map_request
from helicone_tui.models import HeliconeRequest


def _built_rows() -> dict[str, dict[str, Any]]:
    """Stand-ins for the fake dataset's rows, used when ``helicone_tui.fake`` is absent."""
    messages: list[dict[str, Any]] = [{"role": "system", "content": "You are a careful analyst."}]
    for i in range(499):
        if i % 5 == 3:
            messages.append(
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": f"call_{i}",
                            "type": "function",
                            "function": {
                                "name": "lookup",
                                "arguments": json.dumps({"q": f"item {i}"}),
                            },
                        }
                    ],
                }
            )
        elif i % 5 == 4:
            messages.append(
                {
                    "role": "tool",
                    "tool_call_id": f"call_{i - 1}",
                    "content": f"Result {i}: " + "figures " * 40,
                }
            )
        else:
            role = "user" if i % 2 == 0 else "assistant"
            messages.append({"role": role, "content": f"Turn {i}. " + "Some discussion. " * 30})
    document = "\n".join(
        f"Line {n}: revenue rose {n % 40}% after the change." for n in range(110_000)
    )
    answer = {
        "choices": [{"message": {"role": "assistant", "content": document[: len(document) // 20]}}]
    }
    common = {
        "provider": "OPENAI",
        "model": "gpt-4o",
        "response_status": 200,
        "target_url": "https://api.openai.com/v1/chat/completions",
    }
    return {
        "500-messages": {"request_id": "bench-500", **common,
                         "request_body": {"model": "gpt-4o", "messages": messages},
                         "response_body": {"choices": [{"message": {"role": "assistant",
                                                                    "content": "Done."}}]}},
        "5mb": {"request_id": "bench-5mb", **common,
                "request_body": {"model": "gpt-4o", "messages": [
                    {"role": "user", "content": document}]},
                "response_body": answer},
    }  # fmt: skip


def load_rows(built: bool) -> tuple[str, dict[str, dict[str, Any]]]:
    if built:
        return "built in this script", _built_rows()
    try:
        from helicone_tui.fake.dataset import ROW_KINDS, builtin_rows
    except ImportError:
        return "built in this script", _built_rows()
    by_id = {row["request_id"]: row for row in builtin_rows()}
    return "helicone_tui.fake dataset", {
        kind: by_id[ROW_KINDS[kind]] for kind in ("500-messages", "5mb")
    }


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--built-rows", action="store_true", help="use this script's rows, not the fake dataset"
    )
    args = parser.parse_args()
    source, rows = load_rows(args.built_rows)
    print(f"rows from: {source}; median of {args.repeat} runs\n")
    print(f"{'row':<14}{'body size':>12}{'map_request':>14}{'json.loads':>13}{'ratio':>8}")
    for kind, data in rows.items():
        texts = [json.dumps(data.get("request_body")), json.dumps(data.get("response_body"))]
        row = HeliconeRequest.model_validate(data)
        mapped = map_request(row)
        if not mapped.mapped:
            print(f"{kind}: not mapped: {mapped.unmappable_reason}")
            return 1
        map_ms = median_ms(lambda row=row: map_request(row), args.repeat)
        loads_ms = median_ms(lambda texts=texts: [json.loads(t) for t in texts], args.repeat)
        size = sum(len(t.encode()) for t in texts) / (1024 * 1024)
        print(
            f"{kind:<14}{size:>9.2f} MB{map_ms:>11.2f} ms{loads_ms:>10.2f} ms"
            f"{map_ms / loads_ms:>7.1f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
