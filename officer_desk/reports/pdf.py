"""Simple HTML to an A4 PDF with Qt's own printing: QTextDocument laid out on a QPdfWriter.

QtGui only (no widgets, no web engine), so it also runs in the headless admin tool: a
QGuiApplication on the offscreen platform is created when none is running, because fonts
need one.  Every page gets a footer (who the document is about, "page n of N"), so a loose
page can be put back in place and handed to the right person.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from officer_desk import PRODUCT_NAME, owner_only
from officer_desk.domain.errors import DeskError
from officer_desk.reports.document import Document

MARGIN_MM = 18.0
FONT_FAMILY = "DejaVu Sans"  # has every Norwegian letter; Qt falls back if it is missing
FOOTER_POINTS = 8.0
# Keep the application we made alive for the rest of the process: Qt needs exactly one.
_made_here: QGuiApplication | None = None

FooterText = Callable[[int, int], tuple[str, str]]  # (page, pages) -> (left, right)


class DeviceRefused(Exception):
    """The PDF writer or printer could not be painted on (a folder, a printer)."""


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one when none runs (admin tool, tests)."""
    global _made_here
    running = QGuiApplication.instance()
    if running is not None:
        if not isinstance(running, QGuiApplication):
            raise RuntimeError("PDFs need a QGuiApplication, but a QCoreApplication is running.")
        return running
    # A PDF needs no screen; the command-line -platform wins over QT_QPA_PLATFORM.
    _made_here = QGuiApplication(["officer-desk-report", "-platform", "offscreen"])
    return _made_here


def write_pdf(
    html: str, path: Path, *, title: str, css: str = "", footer: FooterText | None = None
) -> int:
    """Lay ``html`` out on A4 pages and write them to ``path``; returns the number of pages.

    The file appears only when it is complete (written beside it, then renamed), so a failed
    export never leaves half a document that looks finished.
    """
    ensure_gui_application()
    temp = path.with_name(f".{path.name}.writing")
    try:
        owner_only.file(temp)  # Qt keeps an existing file's mode: the PDF is 0600 from the start
        writer = QPdfWriter(str(temp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setTitle(title)
        writer.setCreator(PRODUCT_NAME)
        try:
            pages = render(html, writer, css=css, footer=footer)
        except DeviceRefused:
            raise DeskError(
                (
                    "The PDF could not be written to {parent}. Check that the folder "
                    "exists and that you may save files there, then try again."
                ),
                parent=path.parent,
            ) from None
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return pages


def write_document(document: Document, path: Path) -> int:
    """Write a report's :class:`Document` as an A4 PDF at ``path``; returns the pages."""
    return write_pdf(
        document.html, path, title=document.title, css=document.css, footer=document.footer
    )


def print_document(document: Document, device: QPagedPaintDevice) -> int:
    """Lay a report out on ``device`` (a printer the print dialog set up); returns the pages.
    The device keeps the paper size the person chose; the margins are ours."""
    ensure_gui_application()
    try:
        return render(document.html, device, css=document.css, footer=document.footer)
    except DeviceRefused:
        raise DeskError(
            "The printer could not be used. Check that it is on and connected, then try "
            "again, or save the document as a PDF."
        ) from None


def render(
    html: str, device: QPagedPaintDevice, *, css: str = "", footer: FooterText | None = None
) -> int:
    """Lay ``html`` out on the pages of ``device`` (a PDF writer or a printer); returns the
    number of pages."""
    device.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    resolution = device.logicalDpiY()
    document = QTextDocument()
    # Lay out in the device's own resolution, so point sizes in the CSS come out as points.
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(_font(10.0))
    document.setDefaultStyleSheet(css)
    document.setHtml(html)

    area = device.pageLayout().paintRectPixels(resolution)
    footer_height = resolution * 0.35  # inches: room for one small line and a rule
    body = QSizeF(area.width(), area.height() - footer_height)
    document.setPageSize(body)
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(device):
        raise DeviceRefused
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body.height(), body.width(), body.height())
            document.documentLayout().draw(painter, context)
            painter.restore()
            if footer is not None:
                _draw_footer(painter, footer(page + 1, pages), area.width(), area.height(),
                             footer_height)  # fmt: skip
    finally:
        painter.end()
    return pages


def _draw_footer(
    painter: QPainter, texts: tuple[str, str], width: float, height: float, room: float
) -> None:
    top = height - room * 0.8
    painter.setPen(QPen(QColor("#9aa0a6"), 0))
    painter.drawLine(0, int(top), int(width), int(top))
    painter.setFont(_font(FOOTER_POINTS))
    painter.setPen(QColor("#4a4f55"))
    line = QRectF(0, top, width, height - top)
    left, right = texts
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, left)
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, right)


def _font(points: float) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    # No ligatures: "ff" stays two letters, so copying, searching and reading aloud work.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font
