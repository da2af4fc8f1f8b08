"""The start-up splash: on screen within Qt's own start-up time, before the records layer loads.

Importing the storage stack (SQLAlchemy, SQLModel, Alembic) takes most of start-up; the
person sees the splash instead of nothing meanwhile.  A plain frameless label rather than
QSplashScreen, whose show() waits up to a second for the window manager (a full second on
the offscreen platform) before it returns.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEventLoop, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

from officer_desk import __version__
from officer_desk.ui.style import icon

WIDTH, HEIGHT = 440, 200
EXPOSE_WAIT_MS = 300


def show_splash(app: QApplication) -> QLabel:
    """Show the splash and paint it before returning (the caller is about to block)."""
    splash = QLabel()
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(_picture(app))
    splash.setFixedSize(WIDTH, HEIGHT)
    splash.move(splash.screen().availableGeometry().center() - splash.rect().center())
    splash.show()
    # A real display maps the window asynchronously; wait for that, but never for long.
    waited = QElapsedTimer()
    waited.start()
    handle = splash.windowHandle()
    while handle is not None and not handle.isExposed() and waited.elapsed() < EXPOSE_WAIT_MS:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    splash.repaint()
    app.processEvents()
    return splash


def _picture(app: QApplication) -> QPixmap:
    ratio = app.devicePixelRatio()
    pixmap = QPixmap(int(WIDTH * ratio), int(HEIGHT * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#2b5f8a"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    icon("officer-desk").paint(painter, QRect(32, 64, 72, 72))
    painter.setPen(QColor("#ffffff"))
    title = QFont(app.font())
    title.setPointSizeF(title.pointSizeF() * 1.9)
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(QRect(124, 62, WIDTH - 144, 40), Qt.AlignmentFlag.AlignVCenter, "officer_desk")
    painter.setFont(app.font())
    painter.setPen(QColor("#cfe0ee"))
    painter.drawText(
        QRect(124, 102, WIDTH - 144, 24),
        Qt.AlignmentFlag.AlignVCenter,
        QApplication.translate("splash", "version {version} · starting…").format(
            version=__version__
        ),
    )
    painter.end()
    return pixmap
