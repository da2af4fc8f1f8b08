"""Write constraints.txt: every package the project installs, direct and indirect, pinned to
the version installed in this environment.

Walks the requirements of ``officer-desk`` (its dependencies and every extra) through the
installed distributions' own metadata, with environment markers evaluated here, so the file
pins exactly the tree a fresh ``pip install -c constraints.txt -e ".[test,package]"`` resolves
to, and nothing installed by hand beside it.  Names no package index.

    .venv/bin/python tools/pin_constraints.py [--check]
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "constraints.txt"
PROJECT = "officer-desk"
HEADER = """\
# Every package officer_desk installs, direct and indirect, pinned (tools/pin_constraints.py
# writes this file from a working environment; pyproject.toml states the ranges).
# Use: pip install -c constraints.txt -e ".[test]"
"""


def closure(missing: set[str] | None = None) -> dict[str, str]:
    """Canonical name -> installed version of everything the project requires.

    With ``missing`` given, a requirement not installed here (an extra this environment skipped,
    such as ``package`` on a test machine) is added to it instead of failing; its own
    requirements are then not walked."""
    pinned: dict[str, str] = {}
    todo: list[tuple[str, frozenset[str]]] = [(PROJECT, frozenset(_extras(PROJECT)))]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            if missing is None:
                raise
            missing.add(canonicalize_name(name))
            continue
        if canonicalize_name(name) != PROJECT:
            pinned[canonicalize_name(name)] = dist.version
        for line in dist.requires or []:
            requirement = Requirement(line)
            wanted = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if requirement.marker and not any(requirement.marker.evaluate(e) for e in wanted):
                continue
            todo.append((requirement.name, frozenset(requirement.extras)))
    return dict(sorted(pinned.items()))


def _extras(name: str) -> list[str]:
    return metadata.metadata(name).get_all("Provides-Extra") or []


def render(pins: dict[str, str]) -> str:
    return HEADER + "".join(f"{name}=={version}\n" for name, version in pins.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    args = parser.parse_args()
    text = render(closure())
    if args.check:
        current = TARGET.read_text(encoding="utf-8")
        if current != text:
            print(
                "constraints.txt is not what this environment installs; run "
                "tools/pin_constraints.py",
                file=sys.stderr,
            )
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"pinned {text.count('==')} packages in {TARGET.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
