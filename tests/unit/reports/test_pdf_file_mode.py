"""A PDF (journal, handover, release plan) is written 0600: it is not encrypted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from officer_desk import owner_only
from officer_desk.reports.pdf import write_pdf


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs)")
def test_a_pdf_is_the_owners_only(qapp: object, tmp_path: Path) -> None:
    before = os.umask(0o022)  # the usual umask: a mode left to it would be 0644
    try:
        target = tmp_path / "journal.pdf"
        write_pdf("<p>Øystein Ås</p>", target, title="Journal")
    finally:
        os.umask(before)
    assert stat.S_IMODE(target.stat().st_mode) == owner_only.FILE_MODE
    assert target.read_bytes().startswith(b"%PDF")
