"""The house has four floors and imports only go down: cli → report → assess → ledger → base.

Every import statement of the package is read (function-level ones too), resolved to the module it
names, and checked: no module imports from a floor above its own, and no modules import each other in a
circle. The checker is shown failing on a small made-up package, so a passing run means something.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "src" / "privacy_inventory"
FLOORS = {"cli": 4, "report": 3, "assess": 2, "ledger": 1}  # everything else at the top level is base (0)
FACE = {"__init__", "__main__"}  # the package's face re-exports from every floor


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(root: Path) -> dict[str, Path]:
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imports_of(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    """The package's own modules that `path` imports, wherever the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from pkg import mod` imports the module pkg.mod when there is one
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name}
    return found


def floor(name: str, root_name: str) -> int:
    parts = name.split(".")[1:]
    if not parts or parts[0] in FACE:
        return 99
    return FLOORS.get(parts[0], 0)


def check(root: Path) -> list[str]:
    """Every upward import and every circle of imports in the package at `root`."""
    known = modules(root)
    graph = {name: imports_of(path, name, known) for name, path in known.items()}
    problems = []
    for name, targets in graph.items():
        if floor(name, root.name) == 99:
            continue
        for target in sorted(targets):
            if floor(target, root.name) > floor(name, root.name):
                problems.append(f"upward import: {name} → {target}")
    # circles among the modules (the face is left out: it imports everything by design)
    inner = {
        n: {t for t in ts if floor(t, root.name) != 99}
        for n, ts in graph.items()
        if floor(n, root.name) != 99
    }
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(inner.get(node, ())):
            if state.get(nxt) == 1:
                circle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt]
                problems.append("circle: " + " → ".join(circle))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(inner):
        if node not in state:
            visit(node, [node])
    return problems


def test_imports_only_go_down_and_never_in_a_circle():
    problems = check(PACKAGE)
    assert problems == [], "\n".join(problems)


def test_every_module_sits_on_a_known_floor():
    names = modules(PACKAGE)
    top_level = {n.split(".")[1] for n in names if n.count(".") >= 1}
    base = top_level - set(FLOORS) - FACE
    assert base == {"errors", "files", "frames", "i18n", "paths", "texts", "texts_cli", "texts_problems"}, (
        base
    )


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def fake(tmp_path: Path) -> Path:
    """A tiny package shaped like ours, with nothing wrong in it."""
    return _write(tmp_path / "pkg", {
        "__init__.py": "from .cli import app\n", "errors.py": "",
        "ledger/__init__.py": "", "ledger/load.py": "from ..errors import X\n",
        "assess/__init__.py": "", "assess/risk.py": "from ..ledger import load\n",
        "report/__init__.py": "", "report/page.py": "from ..assess.risk import score\n",
        "cli/__init__.py": "", "cli/app.py": "from ..report import page\n",
    })  # fmt: skip


def test_the_checker_passes_a_clean_package(fake):
    assert check(fake) == []


def test_the_checker_catches_an_upward_import_even_inside_a_function(fake):
    (fake / "ledger" / "load.py").write_text(
        "def load():\n    from ..report.page import draw\n    return draw\n", encoding="utf-8"
    )
    assert check(fake) == [
        "upward import: pkg.ledger.load → pkg.report.page",
        "circle: pkg.assess.risk → pkg.ledger.load → pkg.report.page → pkg.assess.risk",
    ]


def test_the_checker_catches_a_circle_on_one_floor(fake):
    _write(fake, {"assess/a.py": "from . import b\n", "assess/b.py": "from .a import f\n"})
    assert check(fake) == ["circle: pkg.assess.a → pkg.assess.b → pkg.assess.a"]
