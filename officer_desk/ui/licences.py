"""The components officer_desk ships with: name, version, licence and the licence texts.

Two sources, one shape. The packaged app carries ``licences/components.json`` and the texts
beside it, written at build time by :func:`write_bundle` (the build machine's metadata is the
truth about what went into the bundle). A development install reads the installed
distributions' metadata instead. No Qt here: the build script calls this module too.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from officer_desk import __version__
from officer_desk.paths import resource_dir

PROJECT = "officer-desk"
# The sync client talks to the hub through httpx (officer_desk/sync/transport.py), which
# pyproject lists only under the [server] extra; the workstation needs it all the same.
ALSO_BUNDLED = ("httpx",)
MANIFEST = "components.json"
UNSTATED = "see the licence text"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_TEXT_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)([._-].*)?$", re.IGNORECASE)
# Trove classifiers to the short names people know; anything else shows its last segment.
# Distributions whose metadata carries no licence text or no usable licence field; the texts
# live in resources/licences/ (Qt's wheels ship none, yet the LGPL asks for the text).
_SHARED_TEXTS = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}
_KNOWN_LICENCE = {"sqlcipher3": "Zlib"}
_CLASSIFIERS = {
    "MIT License": "MIT",
    "BSD License": "BSD",
    "Apache Software License": "Apache-2.0",
    "Python Software Foundation License": "PSF-2.0",
    "Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
}


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    homepage: str
    texts: tuple[Path, ...]


def bundle_dir() -> Path | None:
    """``licences/`` in the PyInstaller app, or None when running from an install."""
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) / "licences" if root else None


@cache
def components() -> tuple[Component, ...]:
    """What the About dialog lists: the bundle's manifest when there is one, else metadata."""
    folder = bundle_dir()
    if folder is not None and (folder / MANIFEST).is_file():
        return read_manifest(folder)
    return installed_components()


def read_manifest(folder: Path) -> tuple[Component, ...]:
    entries = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return tuple(
        Component(
            name=entry["name"],
            version=entry["version"],
            licence=entry["licence"],
            homepage=entry.get("homepage", ""),
            texts=tuple(folder / text for text in entry["texts"]),
        )
        for entry in entries
    )


def licence_text(component: Component) -> str | None:
    """The component's licence texts one after the other, or None when none can be read."""
    parts = []
    for path in component.texts:
        try:
            body = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        # Only blank lines trimmed: licence headings are centred with leading spaces.
        body = body.strip("\n")
        parts.append(f"==> {path.name} <==\n\n{body}\n" if len(component.texts) > 1 else body)
    return "\n\n".join(parts) if parts else None


def installed_components() -> tuple[Component, ...]:
    """officer_desk, Python, Qt and SQLCipher, then every installed distribution it needs."""
    shared = resource_dir() / "licences"
    ours = (
        Component("officer_desk", __version__, "GPL-3.0-or-later", "", (shared / "GPL-3.0.txt",)),
        _python(),
        Component(
            "Qt",
            _version("PySide6-Essentials"),
            "LGPL-3.0-only",
            "https://www.qt.io/licensing/open-source-lgpl-obligations",
            (shared / "LGPL-3.0.txt", shared / "GPL-3.0.txt"),
        ),
        Component(
            "SQLCipher (with SQLite)",
            _sqlcipher_version(),
            "BSD-3-Clause (SQLite: public domain)",
            "https://www.zetetic.net/sqlcipher/",
            (shared / "SQLCipher.txt",),
        ),
    )
    found = [_from_metadata(dist, shared) for dist in _requirement_closure(PROJECT, ALSO_BUNDLED)]
    return ours + tuple(sorted(found, key=lambda component: component.name.casefold()))


def write_bundle(target: Path) -> tuple[Component, ...]:
    """Copy every licence text into ``target`` and write the manifest; the build calls this."""
    target.mkdir(parents=True, exist_ok=True)
    listed = installed_components()
    entries = []
    for component in listed:
        folder = re.sub(r"[^A-Za-z0-9._-]+", "_", component.name)
        texts = []
        for path in component.texts:
            if not path.is_file():
                continue
            (target / folder).mkdir(exist_ok=True)
            shutil.copyfile(path, target / folder / path.name)
            texts.append(f"{folder}/{path.name}")
        entries.append(
            {
                "name": component.name,
                "version": component.version,
                "licence": component.licence,
                "homepage": component.homepage,
                "texts": texts,
            }
        )
    (target / MANIFEST).write_text(json.dumps(entries, indent=1), encoding="utf-8")
    return listed


def _python() -> Component:
    base = Path(sys.base_prefix)
    candidates = (
        base / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt",
        base / "LICENSE.txt",  # Windows
    )
    return Component(
        "Python",
        sys.version.split()[0],
        "PSF-2.0",
        "https://docs.python.org/3/license.html",
        tuple(path for path in candidates if path.is_file())[:1],
    )


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def _sqlcipher_version() -> str:
    try:
        import sqlcipher3

        connection = sqlcipher3.connect(":memory:")
        try:
            (cipher,) = connection.execute("PRAGMA cipher_version").fetchone()
        finally:
            connection.close()
        return f"{cipher} (SQLite {sqlcipher3.sqlite_version})"
    except Exception:  # an About dialog must open even if the driver is odd
        return "?"


def _requirement_closure(root: str, extra: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions ``root`` needs (extras left out), plus ``extra``'s."""
    seen: dict[str, metadata.Distribution] = {}
    waiting = [*_requirements(root), *extra]
    while waiting:
        name = waiting.pop()
        key = _key(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a marker excluded it here (another platform or Python)
        seen[key] = dist
        waiting.extend(_requirements(name))
    return list(seen.values())


def _requirements(name: str) -> list[str]:
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requires:
        if "extra ==" in requirement.replace('"', "'").replace("  ", " "):
            continue
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def _from_metadata(dist: metadata.Distribution, shared: Path) -> Component:
    meta = dist.metadata
    key = _key(meta["Name"])
    licence = licence_of(meta)
    return Component(
        name=meta["Name"],
        version=dist.version,
        licence=_KNOWN_LICENCE.get(key, licence) if licence == UNSTATED else licence,
        homepage=_homepage(meta),
        texts=_licence_files(dist) or tuple(shared / name for name in _SHARED_TEXTS.get(key, ())),
    )


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_of(meta: metadata.PackageMetadata) -> str:
    """SPDX expression if given, else a short License field, else the classifiers."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and "\n" not in field and len(field) <= 60 and field.upper() != "UNKNOWN":
        return field
    named = [
        classifier.rsplit("::", 1)[-1].strip()
        for classifier in meta.get_all("Classifier") or []
        if classifier.startswith("License ::") and classifier.count("::") >= 2
    ]
    if named:
        return " OR ".join(_CLASSIFIERS.get(name, name) for name in named)
    return UNSTATED


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    # Not meta[key]: a missing key returns None with a DeprecationWarning (KeyError in 3.14).
    return str(meta[key]).strip() if key in meta else ""


def _homepage(meta: metadata.PackageMetadata) -> str:
    if _field(meta, "Home-page"):
        return _field(meta, "Home-page")
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository", "documentation"}:
            return url.strip()
    return ""


def _licence_files(dist: metadata.Distribution) -> tuple[Path, ...]:
    found = []
    for file in dist.files or []:
        parts = file.parts
        in_dist_info = len(parts) >= 2 and parts[0].endswith(".dist-info")
        if in_dist_info and (
            "licenses" in parts[1:-1] or (len(parts) == 2 and _TEXT_FILE.match(parts[1]))
        ):
            found.append(Path(str(dist.locate_file(file))))
    # The same text often appears twice (dist-info root and licenses/): keep one of each name.
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(path.name, path)
    return tuple(unique.values())
