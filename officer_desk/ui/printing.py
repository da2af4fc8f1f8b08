"""Printing a report through Qt's print dialog, or saving it as a PDF: one way for every report.

A report arrives as a ``reports.document.Document`` (its reads already done on the worker);
here it is laid out on the printer the person chose, or written to the file they chose.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from officer_desk import PRODUCT_NAME

if TYPE_CHECKING:
    from officer_desk.reports.document import Document


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def print_with_dialog(parent: QWidget, document: Document) -> bool:
    """Offer Qt's print dialog for ``document`` and print it when the person says Print.

    False when they cancel; a printer that refuses raises ``DeskError`` with plain words."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from officer_desk.reports import pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.title)
    printer.setCreator(PRODUCT_NAME)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Print {title}").format(title=document.title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    pdf.print_document(document, printer)
    return True


def ask_pdf_path(parent: QWidget, caption: str, suggested: str) -> Path | None:
    """Where to save a PDF: the file the person chose, or None when they cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, caption, suggested, _tr("PDF files (*.pdf)")
    )
    return Path(chosen) if chosen else None
