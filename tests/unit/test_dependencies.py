"""Every package the code imports is declared in pyproject.toml, and constraints.txt pins the
whole installed tree (tools/pin_constraints.py)."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import officer_desk

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(officer_desk.__file__).parent


def declared(*extras: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(line).name) for line in lines}


def imported_top_levels(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"officer_desk", "__feature__"}


def undeclared(folder: Path, allowed: set[str]) -> dict[str, list[str]]:
    providers = metadata.packages_distributions()
    missing = {}
    for name in sorted(imported_top_levels(folder)):
        dists = {canonicalize_name(d) for d in providers.get(name, [name])}
        if not dists & allowed:
            missing[name] = sorted(dists)
    return missing


def test_every_package_the_desk_imports_is_declared() -> None:
    allowed = declared()
    missing = {
        folder.name: found
        for folder in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "server")
        if (found := undeclared(folder, allowed))
    }
    assert missing == {}


def test_every_package_the_hub_imports_is_declared_in_its_extra() -> None:
    assert undeclared(PACKAGE / "server", declared("server")) == {}


def test_constraints_pin_the_whole_installed_tree() -> None:
    """What tools/pin_constraints.py would write: every requirement, direct and indirect, of
    the project and its extras, at the installed version.  An extra this environment did not
    install (CI's test run has no ``package`` extra yet) must still be named in the file."""
    import pin_constraints  # tools/ (pytest's pythonpath)

    pinned = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pinned[canonicalize_name(name)] = version
    absent: set[str] = set()
    installed = pin_constraints.closure(absent)
    assert {n: v for n, v in installed.items() if pinned.get(n) != v} == {}
    assert absent - set(pinned) == set()
