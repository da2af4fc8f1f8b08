"""Build the one-folder app into dist/officer-desk/ (``make package``).

1. the licence manifest and texts of every bundled component -> build/package/licences/
2. the icons (PNG sizes for the freedesktop theme, .ico for Windows) -> build/package/
3. PyInstaller with officer-desk.spec
4. the Linux desktop integration files -> dist/officer-desk/share/
then prints the bundle's size and what dominates it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GENERATED = ROOT / "build" / "package"
APP_ID = "io.github.officerdesk.OfficerDesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LINUX = ROOT / "packaging" / "linux"


def write_licences() -> None:
    from officer_desk.ui.licences import write_bundle

    target = GENERATED / "licences"
    shutil.rmtree(target, ignore_errors=True)
    listed = write_bundle(target)
    print(f"licences: {len(listed)} components -> {target.relative_to(ROOT)}")


def write_icons() -> None:
    """Render resources/icons/officer-desk.svg at the sizes the icon theme expects."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    source = ROOT / "resources" / "icons" / "officer-desk.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    theme = GENERATED / "icons" / "hicolor"
    shutil.rmtree(theme, ignore_errors=True)
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        folder = theme / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        image.save(str(folder / f"{APP_ID}.png"))
        if size == 256:
            image.save(str(GENERATED / "officer-desk.png"))
            image.save(str(GENERATED / "officer-desk.ico"), "ICO")  # needs Qt's ico plugin
    (theme / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, theme / "scalable" / "apps" / f"{APP_ID}.svg")


def run_pyinstaller(dist: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(HERE / "officer-desk.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return dist / "officer-desk"


def add_desktop_files(bundle: Path) -> None:
    share = bundle / "share"
    shutil.rmtree(share, ignore_errors=True)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copyfile(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    shutil.copyfile(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    shutil.copytree(GENERATED / "icons", share / "icons")
    shutil.copy2(LINUX / "install.sh", bundle / "install.sh")


def size_report(bundle: Path) -> None:
    def size(path: Path) -> int:
        if path.is_file():
            return path.stat().st_size
        files = path.rglob("*")
        return sum(f.stat().st_size for f in files if f.is_file() and not f.is_symlink())

    total = size(bundle)
    print(f"\nbundle {bundle.relative_to(ROOT)}: {total / 2**20:.1f} MiB")
    inner = bundle / "_internal"
    parts = [*inner.iterdir(), *(inner / "PySide6").glob("*")] if inner.is_dir() else []
    parts += list((inner / "PySide6" / "Qt" / "lib").glob("*"))
    # PyInstaller links Qt's libraries into _internal/ too: count each file once.
    shown = (p for p in parts if p.name != "PySide6" and not p.is_symlink())
    ranked = sorted(((size(p), p) for p in shown), reverse=True)[:12]
    for bytes_, path in ranked:
        print(f"  {bytes_ / 2**20:7.1f} MiB  {path.relative_to(bundle)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="where the app folder goes")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    ts = sorted((ROOT / "resources").rglob("*.ts"))
    qm = sorted((ROOT / "resources").rglob("*.qm"))
    if ts and not qm:
        print("warning: translations are not compiled (no .qm in resources/): English only")
    GENERATED.mkdir(parents=True, exist_ok=True)
    write_licences()
    write_icons()
    bundle = run_pyinstaller(Path(args.dist).resolve())
    add_desktop_files(bundle)
    size_report(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
