"""Only `helicone_tui.ui` imports textual (DESIGN.md §6): the rest stays usable without it."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import helicone_tui

PACKAGE_DIR = Path(helicone_tui.__file__).parent


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="helicone_tui."):
        if info.name == "helicone_tui.ui" or info.name.startswith("helicone_tui.ui."):
            continue
        if info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_importing_every_non_ui_module_does_not_load_textual() -> None:
    modules = _non_ui_modules()
    assert "helicone_tui.ids" in modules and "helicone_tui.demo" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_no_source_outside_ui_imports_textual() -> None:
    offenders = []
    for path in PACKAGE_DIR.rglob("*.py"):
        if (PACKAGE_DIR / "ui") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(PACKAGE_DIR)))
    assert offenders == []


def test_the_ui_package_loads_textual_only_when_run() -> None:
    code = "import sys, helicone_tui.ui\nprint(any(m.startswith('textual') for m in sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"
