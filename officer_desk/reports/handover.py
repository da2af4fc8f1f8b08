"""A shift handover as an A4 PDF (bokmål or English), for the file and the shift change board.

Made from :class:`officer_desk.store.handover.HandoverView`: the shift, who handed over to whom,
the unit items, then per person (concerns first) the status, what was handed over, the
read-back question and answer and who acknowledged when, then actions and contingencies, and
the signature.  Every word is rendered in the reader's language from the translation
catalogue (``reports.words``), the drafted summaries too (stored as phrases); what the
officers wrote is printed as written.  Sensitive note text is never in a handover (see
``app.handover``), so the PDF carries none either.

The words come from Qt's catalogue; the PDF itself is written by ``reports.pdf``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from officer_desk.domain.wording import Phrase, phrase
from officer_desk.reports.document import Document
from officer_desk.reports.words import Words, words_for

if TYPE_CHECKING:
    from officer_desk.store.handover import HandoverView

C = "handover report"  # the catalogue context of this report's words
KINDS = {
    "count": phrase(C, "Count"), "escorts": phrase(C, "Escorts"),
    "appointments": phrase(C, "Appointments"), "visits": phrase(C, "Visits"),
    "property": phrase(C, "Property"),
}  # fmt: skip
STATUSES = {
    "settled": phrase(C, "Settled"), "watch": phrase(C, "Watch"), "concern": phrase(C, "Concern"),
}  # fmt: skip
TITLE = phrase(C, "Shift handover")
NONE = phrase(C, "None.")
UNIT_WIDE = phrase(C, "Unit")

CSS = """
body { color: #1f2328; font-size: 10pt; }
h1 { font-size: 18pt; font-weight: bold; margin-bottom: 2px; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 16px; margin-bottom: 6px; color: #0b4f71; }
p { margin-top: 0px; margin-bottom: 4px; }
.meta { color: #4a4f55; }
.person { margin-top: 10px; margin-bottom: 2px; font-weight: bold; }
.text { margin-left: 14px; }
.qa { margin-left: 14px; color: #33414d; }
.ack { margin-left: 14px; color: #245a2e; font-size: 9pt; }
.open { margin-left: 14px; color: #8a1f24; font-size: 9pt; font-weight: bold; }
.concern { color: #8a1f24; }
.watch { color: #7a4b00; }
.settled { color: #245a2e; }
td { padding: 3px; vertical-align: top; }
"""


def _lines(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.splitlines())


def _word(words: dict[str, Phrase], code: str, t: Words) -> str:
    return t(words[code]) if code in words else code


def handover_html(view: HandoverView, *, language: str = "nb") -> str:
    """The handover as the simple HTML that QTextDocument understands, every word of it in
    ``language``: the report's own and the drafted summaries (stored as phrases); what the
    officers typed is printed as typed."""
    t = words_for(language)
    state = (
        t(phrase(C, "Signed by {who} {at}", who=view.signed_by, at=t.moment(view.signed_at)))
        if view.status == "signed"
        else t(phrase(C, "Handed over {at}, not signed yet", at=t.moment(view.handed_over_at)))
        if view.status == "handed_over"
        else t(phrase(C, "Draft, not handed over yet"))
    )
    shift = t(phrase(C, "Shift {start} – {end}", start=t.moment(view.shift_start),
                     end=t.moment(view.shift_end)))  # fmt: skip
    incoming = view.incoming or t(phrase(C, "the next shift"))
    parts = [
        f"<h1>{escape(t(TITLE))} · {escape(view.unit_name)}</h1>",
        f"<p>{escape(shift)}</p>",
        "<p>"
        + escape(t(phrase(C, "From {outgoing} to {incoming}", outgoing="\x00", incoming="\x01")))
        .replace("\x00", f"<b>{escape(view.outgoing)}</b>")
        .replace("\x01", f"<b>{escape(incoming)}</b>")
        + "</p>",
        f"<p class='meta'>{escape(state)}</p>",
        f"<h2>{escape(t(phrase(C, 'The unit')))}</h2>",
    ]
    if view.unit_items:
        rows = "".join(
            f"<tr><td><b>{escape(_word(KINDS, i.kind, t))}</b></td><td>{_lines(i.text)}</td></tr>"
            for i in view.unit_items
        )
        parts.append(f"<table cellspacing='0'>{rows}</table>")
    else:
        parts.append(f"<p>{escape(t(NONE))}</p>")
    parts.append(f"<h2>{escape(t(phrase(C, 'People')))}</h2>")
    for e in view.entries:
        parts.append(
            f"<p class='person'>{escape(e.name)} — "
            f"<span class='{e.status}'>{escape(_word(STATUSES, e.status, t))}</span></p>"
        )
        parts.append(f"<p class='text'>{_lines(t.lines(e.text))}</p>")
        if e.question:
            question = t(phrase(C, "Question ({who}): {text}", who=e.asked_by, text=e.question))
            parts.append(f"<p class='qa'>{escape(question)}</p>")
            answer = (
                t(phrase(C, "Answer ({who}): {text}", who=e.answered_by, text=e.answer))
                if e.answer
                else t(phrase(C, "Not answered yet."))
            )
            parts.append(f"<p class='qa'>{escape(answer)}</p>")
        if e.acknowledged_at is not None:
            ack = t(phrase(C, "Acknowledged by {who} {at}", who=e.acknowledged_by,
                           at=t.moment(e.acknowledged_at)))  # fmt: skip
            parts.append(f"<p class='ack'>{escape(ack)}</p>")
        elif view.status != "draft":
            parts.append(f"<p class='open'>{escape(t(phrase(C, 'Not acknowledged yet')))}</p>")
    parts.append(f"<h2>{escape(t(phrase(C, 'Actions')))}</h2>")
    if view.actions:
        rows = ""
        for a in view.actions:
            when = t(phrase(C, "due {at}", at=t.moment(a.due_at))) if a.due_at else ""
            done = f" ✓ {t(phrase(C, 'done'))}" if a.done_at else ""
            rows += (
                f"<tr><td>{escape(a.name or t(UNIT_WIDE))}</td><td>{escape(a.text)}</td>"
                f"<td>{escape(a.owner)}</td><td>{escape(when)}{escape(done)}</td></tr>"
            )
        parts.append(f"<table cellspacing='0'>{rows}</table>")
    else:
        parts.append(f"<p>{escape(t(NONE))}</p>")
    parts.append(f"<h2>{escape(t(phrase(C, 'If this, then that')))}</h2>")
    if view.contingencies:
        rows = "".join(
            f"<tr><td>{escape(c.name or t(UNIT_WIDE))}</td><td>"
            + escape(
                t(
                    phrase(
                        C,
                        "If {condition}, then {response}",
                        condition=c.condition,
                        response=c.response,
                    )
                )
            )
            + "</td></tr>"
            for c in view.contingencies
        )
        parts.append(f"<table cellspacing='0'>{rows}</table>")
    else:
        parts.append(f"<p>{escape(t(NONE))}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def handover_document(view: HandoverView, *, language: str = "nb") -> Document:
    """The handover ready to print or to save as a PDF."""
    t = words_for(language)
    title, start = t(TITLE), t.moment(view.shift_start)
    return Document(
        handover_html(view, language=language),
        title=f"{title} – {view.unit_name} {start}",
        css=CSS,
        who=f"{title} · {view.unit_name} · {start}",
        page_words=t(phrase(C, "Page {page} of {pages}", page="{page}", pages="{pages}")),
    )


def write_handover_pdf(view: HandoverView, path: Path, *, language: str = "nb") -> int:
    """Write ``view`` as an A4 PDF at ``path`` (replaced if it exists); returns the pages."""
    from officer_desk.reports import pdf

    return pdf.write_document(handover_document(view, language=language), path)
