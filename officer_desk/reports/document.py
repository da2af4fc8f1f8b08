"""A report ready to lay out: its HTML, title, style and page footer; no Qt.

Each report (release plan, handover, journal) makes one; ``reports.pdf`` writes it to a PDF
file or lays it out on a printer the screen's print dialog set up, so a printed copy and a
saved one are the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    html: str
    title: str
    css: str = ""
    who: str = ""  # the footer's left side: whom the document is about
    page_words: str = ""  # the footer's right side, e.g. "Page {page} of {pages}"

    def footer(self, page: int, pages: int) -> tuple[str, str]:
        return self.who, self.page_words.format(page=page, pages=pages)
