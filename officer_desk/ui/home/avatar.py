"""A person's photo in a circle, or their initials when there is no photo."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

# Calm colours with white text at a readable contrast; chosen by name so a person keeps theirs.
_COLOURS = ("#2b5f8a", "#3b7a57", "#7a4b8a", "#8a5a2b", "#2b7a7a", "#5a5f8a")


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def avatar_pixmap(name: str, photo: QImage | None, size: int, ratio: float = 1.0) -> QPixmap:
    pixels = int(size * ratio)
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, pixels, pixels))
    painter.setClipPath(circle)
    if photo is not None and not photo.isNull():
        scaled = photo.scaled(
            pixels,
            pixels,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        x = (scaled.width() - pixels) // 2
        y = (scaled.height() - pixels) // 2
        painter.drawImage(0, 0, scaled, x, y, pixels, pixels)
    else:
        colour = QColor(_COLOURS[sum(map(ord, name)) % len(_COLOURS)])
        painter.fillRect(0, 0, pixels, pixels, colour)
        font = QFont()
        font.setPixelSize(int(pixels * 0.38))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, 0, pixels, pixels), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class Avatar(QLabel):
    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size = size
        self.setFixedSize(size, size)

    def show_person(self, name: str, photo: QImage | None) -> None:
        self.setPixmap(avatar_pixmap(name, photo, self._size, self.devicePixelRatioF()))
