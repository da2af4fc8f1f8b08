"""Baseline for the start-up benchmark: a bare PySide6 window with a label, nothing else.

Quits right after its first paint and prints the milliseconds since this script began
(the same measure ``officer-desk --exit-after-paint`` prints).
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


class QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        print(f"first paint: {(time.perf_counter() - STARTED) * 1000:.0f} ms", flush=True)
        QApplication.exit(0)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    label = QLabel("Hello from a bare window")
    window.setCentralWidget(label)
    watcher = QuitAfterPaint()
    label.installEventFilter(watcher)
    window.resize(1280, 720)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
