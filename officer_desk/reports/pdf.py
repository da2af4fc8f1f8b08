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
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from officer_desk import owner_only
from officer_desk.domain.errors import DeskError

MARGIN_MM = 18.0
FONT_FAMILY = "DejaVu Sans"  # has every Norwegian letter; Qt falls back if it is missing
FOOTER_POINTS = 8.0
# Keep the application we made alive for the rest of the process: Qt needs exactly one.
_made_here: QGuiApplication | None = None

FooterText = Callable[[int, int], tuple[str, str]]  # (page, pages) -> (left, right)


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
        pages = _render(html, temp, title=title, css=css, footer=footer)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return pages


def _render(html: str, target: Path, *, title: str, css: str, footer: FooterText | None) -> int:
    writer = QPdfWriter(str(target))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(title)
    writer.setCreator("officer_desk")

    document = QTextDocument()
    # Lay out in the PDF's own resolution, so point sizes in the CSS come out as points.
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(_font(10.0))
    document.setDefaultStyleSheet(css)
    document.setHtml(html)

    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_height = writer.resolution() * 0.35  # inches: room for one small line and a rule
    body = QSizeF(area.width(), area.height() - footer_height)
    document.setPageSize(body)
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise DeskError(
            f"The PDF could not be written to {target.parent}. Check that the folder exists "
            "and that you may save files there, then try again."
        )
    try:
        for page in range(pages):
            if page:
                writer.newPage()
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
