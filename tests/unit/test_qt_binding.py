"""The Qt binding must survive a working day of signals.

PySide6-Essentials 6.12.0 drops one reference to ``True`` per Python-side emit; on Python
3.11 the process aborts after a few thousand (the database executor emits once per job).
"""

from __future__ import annotations

import subprocess
import sys

LOOP = """
from PySide6.QtCore import QObject, Signal
class Source(QObject):
    fired = Signal(object)
source = Source()
source.fired.connect(lambda value: None)
for n in range(20000):
    source.fired.emit(n)
print("ok")
"""


def test_many_signal_emits_do_not_crash_the_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOOP], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
