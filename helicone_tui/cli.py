"""The `helicone-tui` command line: the TUI, `get`, `login` and `fake-server`.

Kept light on imports: textual loads only when the TUI starts, the fake only for `fake-server`,
so `--help` and `get` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .settings import ConfigError, Settings, load_settings
from .text_safety import sanitize_line

if TYPE_CHECKING:
    from .ids import ExtractedIds

EXIT_OK = 0
EXIT_FAILED = 1  # ran, but something was not found or failed
EXIT_USAGE = 2  # bad input, missing key, unreadable config

SUBCOMMANDS = ("get", "login", "fake-server")
EXAMPLE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

DESCRIPTION = """\
Inspect individual Helicone LLM requests from the terminal: paste request ids, see them
listed, open one, read the whole conversation, its tokens, cost, latency and properties,
and copy any body.
"""

EPILOG = """\
commands:
  helicone-tui [ID ...]            open the TUI with these ids (paste more inside)
  helicone-tui --demo              the TUI on a built-in fake Helicone (no key, no network)
  helicone-tui get ID [ID ...]     print requests (a readable summary, or --json)
  helicone-tui login               store an API key in the config file (0600), after checking it
  helicone-tui fake-server         run the fake Helicone server (see its --help)
  helicone-tui COMMAND --help      the options of a command

configuration (flags win over the environment, which wins over the config file):
  HELICONE_API_KEY     the API key (sk-helicone-…; EU keys sk-helicone-eu-… pick the EU host)
  HELICONE_BASE_URL    the API base URL (for self-hosting or the fake server)
  HELICONE_REGION      us or eu
  HELICONE_TUI_CONFIG  path of the config file (default: {config})

exit codes: 0 ok, 1 some requests not found or failed, 2 bad usage, missing key or config.
"""


def _add_connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--api-key",
        metavar="KEY",
        help="Helicone API key (prefer HELICONE_API_KEY or `login`: flags show in `ps`)",
    )
    group.add_argument(
        "--base-url", metavar="URL", help="API base URL; wins over --region (HELICONE_BASE_URL)"
    )
    group.add_argument(
        "--region",
        choices=("us", "eu"),
        help="Helicone region (HELICONE_REGION; default: from the key, else us)",
    )
    group.add_argument("--timeout", type=float, metavar="S", help="HTTP timeout in seconds (30)")
    group.add_argument(
        "--config", type=Path, metavar="FILE", help="config file (HELICONE_TUI_CONFIG)"
    )


def build_tui_parser() -> argparse.ArgumentParser:
    from .settings import default_config_path

    parser = argparse.ArgumentParser(
        prog="helicone-tui",
        description=DESCRIPTION,
        epilog=EPILOG.format(config=default_config_path()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("ids", nargs="*", metavar="ID", help="request ids to load at start")
    parser.add_argument(
        "--ids-file", type=Path, metavar="FILE", help="load ids from a file (any text with ids)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on the built-in fake dataset, in-process: no key, no network",
    )
    parser.add_argument(
        "--copy-file-threshold",
        type=int,
        metavar="BYTES",
        help="copies larger than this are also written to a file (default 102400)",
    )
    parser.add_argument("--version", action="version", version=f"helicone-tui {__version__}")
    _add_connection_options(parser)
    return parser


def build_get_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="helicone-tui get",
        description="Fetch requests by id and print them: a readable summary with the mapped "
        "conversation, or the rows as JSON. Found rows are printed even when other ids are "
        "not found; the exit code is then 1.",
    )
    parser.add_argument("ids", nargs="+", metavar="ID", help="request ids (any text with ids)")
    parser.add_argument("--json", action="store_true", help="print the rows as a JSON array")
    parser.add_argument(
        "--no-body", action="store_true", help="do not fetch bodies (faster; no conversation)"
    )
    _add_connection_options(parser)
    return parser


def build_login_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="helicone-tui login",
        description="Ask for the API key (hidden input), check it against the server, and store "
        "it in the config file with 0600 permissions.",
    )
    _add_connection_options(parser)
    return parser


def build_fake_server_parser() -> argparse.ArgumentParser:
    from .fake.cli import add_fake_server_arguments

    parser = argparse.ArgumentParser(
        prog="helicone-tui fake-server",
        description="Run a fake Helicone API on loopback: both request endpoints, the signed "
        "body URLs, the real server's quirks, a built-in dataset and switchable faults.",
    )
    add_fake_server_arguments(parser)
    return parser


def _settings(args: argparse.Namespace, **extra: object) -> Settings:
    return load_settings(
        api_key=args.api_key,
        base_url=args.base_url,
        region=args.region,
        timeout=args.timeout,
        config_path=args.config,
        **extra,  # type: ignore[arg-type]
    )


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"helicone-tui: {message}", file=sys.stderr)
    return code


MISSING_KEY = (
    "no API key: set HELICONE_API_KEY, pass --api-key, or run `helicone-tui login` "
    "(try `helicone-tui --demo` to look around without one)"
)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            command, rest = args_list[0], args_list[1:]
            if command == "get":
                return _run_get(build_get_parser().parse_args(rest))
            if command == "login":
                return _run_login(build_login_parser().parse_args(rest))
            from .fake.cli import run_fake_server

            return run_fake_server(build_fake_server_parser().parse_args(rest))
        return _run_tui(build_tui_parser().parse_args(args_list))
    except ConfigError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130


def _run_tui(args: argparse.Namespace) -> int:
    from .ids import extract_ids

    settings = _settings(args, copy_file_threshold=args.copy_file_threshold)
    text = " ".join(args.ids)
    note: str | None = None
    if args.ids_file is not None:
        try:
            text += "\n" + args.ids_file.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            return _fail(f"cannot read the ids file {args.ids_file}: {exc.strerror}")
        note = str(args.ids_file)
    extracted = extract_ids(text)
    if args.ids and not extracted.ids and not args.ids_file:
        return _fail(_no_ids_message(extracted, args.ids))
    from .ui import run_tui

    return run_tui(settings, extracted.ids, demo=args.demo, ids_file_note=note)


def _run_get(args: argparse.Namespace) -> int:
    from .ids import extract_ids

    extracted = extract_ids(" ".join(args.ids))
    if not extracted.ids:
        return _fail(_no_ids_message(extracted, args.ids))
    if extracted.shortened:
        print(f"helicone-tui: {_shortened_message(extracted)}", file=sys.stderr)
    if extracted.ignored:
        shown = sanitize_line(", ".join(extracted.ignored[:5]))
        print(f"helicone-tui: ignored (not request ids): {shown}", file=sys.stderr)
    settings = _settings(args)
    if not settings.api_key:
        return _fail(MISSING_KEY)
    from .get_command import run_get

    code = run_get(settings, extracted.ids, as_json=args.json, include_body=not args.no_body)
    # A shortened id is a request asked for and not fetched, like an id not found.
    return max(code, EXIT_FAILED) if extracted.shortened else code


def _no_ids_message(extracted: ExtractedIds, args: Sequence[str]) -> str:
    if extracted.shortened:
        return _shortened_message(extracted)
    return f"no request ids (UUIDs) in: {sanitize_line(' '.join(args)[:200])}"


def _shortened_message(extracted: ExtractedIds) -> str:
    """Shortened ids (the TUI's list shows 8 characters) cannot be looked up: say so."""
    note = sanitize_line(extracted.shortened_note(max_shown=5))
    return f"{note} (like {EXAMPLE_ID}); in the TUI, y then i copies a row's full id"


def _run_login(args: argparse.Namespace) -> int:
    from .login_command import run_login

    return run_login(_settings(args), explicit_key=args.api_key)
