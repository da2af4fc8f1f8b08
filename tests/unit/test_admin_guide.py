"""The admin guide covers the hub: every command of ``officer-desk-server`` and the
workstation's side of enrolling, syncing and withdrawing, each with an example."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "admin-guide.md").read_text(encoding="utf-8")


def _examples() -> str:
    """The guide's example command lines (its fenced blocks and inline code)."""
    fenced = re.findall(r"```\n(.*?)```", GUIDE, flags=re.S)
    inline = re.findall(r"`([^`\n]+)`", GUIDE)
    return "\n".join(fenced + inline).replace("\\\n", " ")


def test_every_hub_command_has_an_example_in_the_guide() -> None:
    source = (ROOT / "officer_desk" / "server" / "cli.py").read_text(encoding="utf-8")
    commands = re.findall(r'sub\.add_parser\(\s*"([a-z-]+)"', source)
    assert {"serve", "enroll-device", "revoke-device", "trust-admin"} <= set(commands)
    examples = _examples()
    missing = [c for c in commands if f"officer-desk-server {c}" not in examples]
    assert not missing, f"no example of officer-desk-server {', '.join(missing)}"


def test_the_guide_says_how_to_enrol_sync_withdraw_and_secure_the_hub() -> None:
    examples = _examples()
    for line in (
        "officer-desk-admin enroll --user",
        "officer-desk-admin join --hub https://",
        "officer-desk-admin sync --user",
        "--ssl-certfile",
        "--database-url postgresql+psycopg://",
    ):
        assert line in examples, line
    headings = re.findall(r"^## (.+)$", GUIDE, flags=re.M)
    assert "The hub: run it, enrol workstations, withdraw one" in headings
    assert "The hub's TLS certificate" in headings
    assert "withdrawn" in GUIDE and "revoke-device" in GUIDE
