"""``helicone-tui fake-server``: the fake Helicone as a standalone loopback server."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from .core import FakeHelicone
from .datafile import DataFileError, load_rows_file
from .dataset import ROW_KINDS, builtin_rows
from .faults import ENDPOINTS, Faults, FaultsError, parse_rate
from .server import serve_in_thread
from .synthetic import synthetic_rows

_RATE_HELP = "a fraction (0.2, 20%, 1/5: random, seeded) or every:N (every Nth request)"


def _rate(text: str) -> float:
    try:
        return parse_rate(text)
    except FaultsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def add_fake_server_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the fake server's flags to ``parser`` (the ``fake-server`` subcommand's)."""
    parser.description = (
        "Run a fake Helicone API on loopback: the request endpoints, signed body URLs and the "
        "real server's quirks, over a built-in dataset. Faults can be switched at run time "
        "with GET/PUT /__admin/faults and POST /__admin/reset (loopback only)."
    )
    where = parser.add_argument_group("server")
    where.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    where.add_argument(
        "--port", type=_non_negative_int, default=8585, help="port (default 8585; 0 = any free)"
    )
    where.add_argument(
        "--region",
        choices=("us", "eu"),
        default="us",
        help="which keys to accept: a US server refuses EU keys with 401, and vice versa",
    )
    data = parser.add_argument_group("data")
    data.add_argument(
        "--data",
        metavar="FILE",
        help="JSON array or JSON Lines of HeliconeRequest rows, replacing the built-in dataset",
    )
    data.add_argument(
        "--synthetic",
        metavar="N",
        type=_non_negative_int,
        default=0,
        help="add N synthetic small rows (for scale tests and benchmarks)",
    )
    faults = parser.add_argument_group("faults (all off by default; RATE is " + _RATE_HELP + ")")
    faults.add_argument(
        "--latency-ms", type=float, default=0.0, metavar="MS", help="add MS to every API answer"
    )
    faults.add_argument(
        "--fail-429",
        type=_rate,
        default=0.0,
        metavar="RATE",
        help="answer RATE of API requests with 429 Too many requests",
    )
    faults.add_argument(
        "--retry-after",
        type=_non_negative_int,
        default=1,
        metavar="S",
        help="Retry-After seconds on injected 429s (default 1)",
    )
    faults.add_argument(
        "--fail-500",
        type=_rate,
        default=0.0,
        metavar="RATE",
        help="answer RATE of API requests with 500",
    )
    faults.add_argument(
        "--malformed-json",
        type=_rate,
        default=0.0,
        metavar="RATE",
        help="cut RATE of 200 answers short (not valid JSON)",
    )
    faults.add_argument(
        "--drop-connections",
        type=_rate,
        default=0.0,
        metavar="RATE",
        help="close the connection without answering for RATE of requests",
    )
    faults.add_argument(
        "--fault-paths",
        default="query-ids,get",
        metavar="LIST",
        help=f"endpoints the faults hit, comma-separated from {','.join(ENDPOINTS)} "
        "(default query-ids,get)",
    )
    faults.add_argument("--fault-seed", type=int, default=0, help="seed for random fault rates")
    faults.add_argument(
        "--omit-missing",
        action="store_true",
        help="query-ids leaves unknown ids out instead of answering null for them",
    )
    faults.add_argument(
        "--rate-limit",
        action="store_true",
        help="enforce the real rate limits per key: 600 GET /v1/request/{id} and 1000 others "
        "per 5-minute window",
    )
    faults.add_argument(
        "--rate-limit-window", type=float, default=300.0, metavar="S", help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="load the data, print the banner and exit without serving",
    )


def faults_from_args(args: argparse.Namespace) -> Faults:
    return Faults(
        latency_ms=args.latency_ms,
        status_429=args.fail_429,
        retry_after=args.retry_after,
        status_500=args.fail_500,
        malformed_json=args.malformed_json,
        drop_connection=args.drop_connections,
        paths=tuple(p.strip() for p in args.fault_paths.split(",") if p.strip()),
        seed=args.fault_seed,
        omit_missing=args.omit_missing,
        rate_limit=args.rate_limit,
        rate_limit_window_s=args.rate_limit_window,
    )


def build_fake(args: argparse.Namespace) -> FakeHelicone:
    """The fake the flags describe; raises DataFileError / FaultsError / ValueError."""
    rows: list[dict[str, Any]] = load_rows_file(args.data) if args.data else builtin_rows()
    if args.synthetic:
        rows = rows + synthetic_rows(args.synthetic)
    return FakeHelicone(rows, region=args.region, faults=faults_from_args(args))


def banner(fake: FakeHelicone, url: str) -> str:
    keys = fake.keys
    ids = fake.request_ids
    kinds = {request_id: kind for kind, request_id in ROW_KINDS.items()}
    lines = [
        f"Fake Helicone ({fake.region.upper()} region) serving {len(ids)} requests at {url}",
        "",
        "Test keys:",
        f"  {keys.write}   read-write: both endpoints",
        f"  {keys.read_only}   read-only: 401 on POST /v1/request/query-ids, GET works",
        f"  {keys.wrong_region}   {'EU' if fake.region == 'us' else 'US'} key: refused with "
        "401 here (wrong region)",
        "",
        "Example ids:",
    ]
    for request_id in ids[:6]:
        kind = kinds.get(request_id)
        lines.append(f"  {request_id}" + (f"   {kind}" if kind else ""))
    active = fake.faults.active()
    lines += [
        "",
        "Faults: " + (", ".join(_describe(fake.faults, name) for name in active) or "none"),
        f"Switch at run time: curl -X PUT {url}/__admin/faults -d '{{\"status_500\": 0.2}}'",
        "",
        "Try:",
        f"  HELICONE_BASE_URL={url} HELICONE_API_KEY={keys.write} helicone-tui get "
        f"{ids[0] if ids else '<id>'}",
        "",
        "Ctrl-C stops the server.",
    ]
    return "\n".join(lines)


def _describe(faults: Faults, name: str) -> str:
    value = getattr(faults, name)
    if name in {"status_429", "status_500", "malformed_json", "drop_connection"}:
        return f"{name}={'every:' + str(int(value)) if value > 1 else f'{value:g}'}"
    if isinstance(value, tuple):
        return f"{name}={','.join(value)}"
    return f"{name}={value}"


def run_fake_server(
    args: argparse.Namespace, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Serve until Ctrl-C. Exit codes: 0 stopped cleanly, 2 bad data / flags / address."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        fake = build_fake(args)
    except (DataFileError, FaultsError) as exc:
        print(f"helicone-tui fake-server: {exc}", file=err)
        return 2
    except ValueError as exc:
        print(f"helicone-tui fake-server: bad data: {exc}", file=err)
        return 2
    if args.dry_run:
        host = "127.0.0.1" if args.host in {"", "0.0.0.0"} else args.host
        print(banner(fake, f"http://{host}:{args.port}"), file=out, flush=True)
        return 0
    try:
        running = serve_in_thread(fake, args.host, args.port)
    except OSError as exc:
        print(
            f"helicone-tui fake-server: cannot listen on {args.host}:{args.port}: {exc.strerror}",
            file=err,
        )
        return 2
    if args.host not in {"127.0.0.1", "localhost", "::1"}:
        print(
            "warning: listening beyond loopback; the fake has no real security "
            "(its admin endpoint still answers loopback only)",
            file=err,
        )
    print(banner(fake, running.url), file=out, flush=True)
    try:
        running.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped", file=out, flush=True)
    finally:
        running.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helicone_tui.fake")
    add_fake_server_arguments(parser)
    return run_fake_server(parser.parse_args(argv))
