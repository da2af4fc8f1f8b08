"""Screenshots of every self-test screen in each language and look, to look at before a release.

    python tools/screenshots.py [--out build/screenshots] [--sets en-light,nb-dark,...]

One demo store is made (``officer-desk --demo --self-test``) and copied for each set; a set's
language and look go into that copy's ``config/preferences.ini``, the file File → Language… and
File → Look… write, so the app starts exactly as a workstation set up that way would.  The
screens of a set land in ``OUT/<set>/<screen>.png``.  Exits non-zero when a self-test fails.
"""

from __future__ import annotations

import argparse
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

from officer_desk.ui.i18n import LANGUAGES  # the app's own codes: en, nb
from officer_desk.ui.looks import DARK, HIGH_CONTRAST, LIGHT

LOOKS = {"light": LIGHT, "dark": DARK, "contrast": HIGH_CONTRAST}  # short names for the sets
DEFAULT_SETS = "en-light,nb-light,en-dark,nb-contrast"


def set_preferences(data_dir: Path, language: str, look: str) -> None:
    config = data_dir / "config"
    config.mkdir(parents=True, exist_ok=True)
    ini = configparser.ConfigParser()
    ini["interface"] = {"language": language, "look": look}
    with (config / "preferences.ini").open("w", encoding="utf-8") as f:
        ini.write(f)


def self_test(data_dir: Path, shots: Path | None) -> int:
    command = [
        sys.executable,
        "-m",
        "officer_desk.ui.launcher",
        "--demo",
        "--data-dir",
        str(data_dir),
        "--self-test",
    ]
    if shots is not None:
        command += ["--screenshots", str(shots)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.run(command, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("build/screenshots"))
    parser.add_argument(
        "--sets",
        default=DEFAULT_SETS,
        help=f"comma-separated language-look pairs (default {DEFAULT_SETS})",
    )
    args = parser.parse_args(argv)

    sets = []
    for name in args.sets.split(","):
        language, _, look = name.strip().partition("-")
        if language not in LANGUAGES or look not in LOOKS:
            parser.error(
                f"unknown set {name!r}: use <language>-<look> with language one of "
                f"{', '.join(LANGUAGES)} and look one of {', '.join(LOOKS)}"
            )
        sets.append((name.strip(), language, LOOKS[look]))

    work = args.out / ".stores"
    shutil.rmtree(work, ignore_errors=True)
    demo = work / "demo"
    print("making the demo store once …", flush=True)
    if self_test(demo, None) != 0:
        print("the self-test failed on the demo store", file=sys.stderr)
        return 1
    failed = []
    for name, language, look in sets:
        data_dir = work / name
        shutil.copytree(demo, data_dir)
        set_preferences(data_dir, language, look)
        shots = args.out / name
        shutil.rmtree(shots, ignore_errors=True)
        print(f"{name}: {shots}", flush=True)
        if self_test(data_dir, shots) != 0:
            failed.append(name)
    shutil.rmtree(work, ignore_errors=True)
    if failed:
        print(f"self-test failed for: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
