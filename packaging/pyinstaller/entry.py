"""The packaged programs. ``officer-desk`` and ``officer-desk-admin`` are two executables made
from one PyInstaller analysis (half the build time), told apart here by their file name."""

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.executable).stem == "officer-desk-admin":
        from officer_desk.cli.admin import main as administer

        return administer()
    from officer_desk.ui.launcher import main as desk

    return desk()


if __name__ == "__main__":
    sys.exit(main())
