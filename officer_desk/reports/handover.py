"""A shift handover as an A4 PDF (bokmål or English), for the file and the shift change board.

Made from :class:`officer_desk.store.handover.HandoverView`: the shift, who handed over to whom,
the unit items, then per person (concerns first) the status, what was handed over, the
read-back question and answer and who acknowledged when, then actions and contingencies, and
the signature.  Fixed texts live in :data:`TEXTS` like ``reports.release_plan``; what the
officers wrote is printed as written.  Sensitive note text is never in a handover (see
``app.handover``), so the PDF carries none either.

Building the HTML needs no Qt and no database stack; Qt is imported only when the PDF is written.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk.reports.document import Document

if TYPE_CHECKING:
    from officer_desk.store.handover import HandoverView

LANGUAGES = ("nb", "en")

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Shift handover",
        "shift": "Shift {start} – {end}",
        "from_to": "From <b>{outgoing}</b> to <b>{incoming}</b>",
        "anyone": "the next shift",
        "state": {"draft": "Draft, not handed over yet", "handed_over": "Handed over {at}, "
                  "not signed yet", "signed": "Signed by {who} {at}"},
        "unit": "The unit",
        "kinds": {"count": "Count", "escorts": "Escorts", "appointments": "Appointments",
                  "visits": "Visits", "property": "Property"},
        "people": "People",
        "status": {"settled": "Settled", "watch": "Watch", "concern": "Concern"},
        "question": "Question ({who}): {text}",
        "answer": "Answer ({who}): {text}",
        "no_answer": "Not answered yet.",
        "ack": "Acknowledged by {who} {at}",
        "not_ack": "Not acknowledged yet",
        "actions": "Actions",
        "owner": "{who}",
        "due": "due {at}",
        "done": "done",
        "contingencies": "If this, then that",
        "if": "If",
        "then": "then",
        "unit_wide": "Unit",
        "none": "None.",
        "page": "Page {page} of {pages}",
    },
    "nb": {
        "title": "Vaktoverlevering",
        "shift": "Vakt {start} – {end}",
        "from_to": "Fra <b>{outgoing}</b> til <b>{incoming}</b>",
        "anyone": "neste vakt",
        "state": {"draft": "Utkast, ikke overlevert ennå", "handed_over": "Overlevert {at}, "
                  "ikke signert ennå", "signed": "Signert av {who} {at}"},
        "unit": "Enheten",
        "kinds": {"count": "Telling", "escorts": "Fremstillinger", "appointments": "Avtaler",
                  "visits": "Besøk", "property": "Eiendeler"},
        "people": "Personer",
        "status": {"settled": "Rolig", "watch": "Følg med", "concern": "Bekymring"},
        "question": "Spørsmål ({who}): {text}",
        "answer": "Svar ({who}): {text}",
        "no_answer": "Ikke besvart ennå.",
        "ack": "Kvittert av {who} {at}",
        "not_ack": "Ikke kvittert ennå",
        "actions": "Oppgaver",
        "owner": "{who}",
        "due": "frist {at}",
        "done": "utført",
        "contingencies": "Hvis dette, så det",
        "if": "Hvis",
        "then": "så",
        "unit_wide": "Enheten",
        "none": "Ingen.",
        "page": "Side {page} av {pages}",
    },
}  # fmt: skip

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


def _texts(language: str) -> dict[str, Any]:
    if language not in TEXTS:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return TEXTS[language]


def _at(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().strftime("%d.%m.%Y %H:%M")


def _lines(text: str) -> str:
    return "<br/>".join(escape(line) for line in text.splitlines())


def handover_html(view: HandoverView, *, language: str = "nb") -> str:
    """The handover as the simple HTML that QTextDocument understands."""
    t = _texts(language)
    state = t["state"][view.status].format(
        at=_at(view.signed_at if view.status == "signed" else view.handed_over_at),
        who=escape(view.signed_by),
    )
    parts = [
        f"<h1>{escape(t['title'])} · {escape(view.unit_name)}</h1>",
        f"<p>{escape(t['shift'].format(start=_at(view.shift_start), end=_at(view.shift_end)))}</p>",
        "<p>"
        + t["from_to"].format(
            outgoing=escape(view.outgoing), incoming=escape(view.incoming or t["anyone"])
        )
        + "</p>",
        f"<p class='meta'>{state}</p>",
        f"<h2>{escape(t['unit'])}</h2>",
    ]
    if view.unit_items:
        rows = "".join(
            f"<tr><td><b>{escape(t['kinds'].get(i.kind, i.kind))}</b></td>"
            f"<td>{_lines(i.text)}</td></tr>"
            for i in view.unit_items
        )
        parts.append(f"<table cellspacing='0'>{rows}</table>")
    else:
        parts.append(f"<p>{escape(t['none'])}</p>")
    parts.append(f"<h2>{escape(t['people'])}</h2>")
    for e in view.entries:
        parts.append(
            f"<p class='person'>{escape(e.name)} — "
            f"<span class='{e.status}'>{escape(t['status'].get(e.status, e.status))}</span></p>"
        )
        parts.append(f"<p class='text'>{_lines(e.text)}</p>")
        if e.question:
            parts.append(
                f"<p class='qa'>{escape(t['question'].format(who=e.asked_by, text=e.question))}</p>"
            )
            answer = (
                t["answer"].format(who=e.answered_by, text=e.answer) if e.answer else t["no_answer"]
            )
            parts.append(f"<p class='qa'>{escape(answer)}</p>")
        if e.acknowledged_at is not None:
            ack = t["ack"].format(who=e.acknowledged_by, at=_at(e.acknowledged_at))
            parts.append(f"<p class='ack'>{escape(ack)}</p>")
        elif view.status != "draft":
            parts.append(f"<p class='open'>{escape(t['not_ack'])}</p>")
    parts.append(f"<h2>{escape(t['actions'])}</h2>")
    if view.actions:
        rows = ""
        for a in view.actions:
            when = t["due"].format(at=_at(a.due_at)) if a.due_at else ""
            done = f" ✓ {t['done']}" if a.done_at else ""
            rows += (
                f"<tr><td>{escape(a.name or t['unit_wide'])}</td><td>{escape(a.text)}</td>"
                f"<td>{escape(a.owner)}</td><td>{escape(when)}{escape(done)}</td></tr>"
            )
        parts.append(f"<table cellspacing='0'>{rows}</table>")
    else:
        parts.append(f"<p>{escape(t['none'])}</p>")
    parts.append(f"<h2>{escape(t['contingencies'])}</h2>")
    if view.contingencies:
        rows = "".join(
            f"<tr><td>{escape(c.name or t['unit_wide'])}</td>"
            f"<td>{escape(t['if'])} {escape(c.condition)}, {escape(t['then'])} "
            f"{escape(c.response)}</td></tr>"
            for c in view.contingencies
        )
        parts.append(f"<table cellspacing='0'>{rows}</table>")
    else:
        parts.append(f"<p>{escape(t['none'])}</p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def handover_document(view: HandoverView, *, language: str = "nb") -> Document:
    """The handover ready to print or to save as a PDF."""
    t = _texts(language)
    return Document(
        handover_html(view, language=language),
        title=f"{t['title']} – {view.unit_name} {_at(view.shift_start)}",
        css=CSS,
        who=f"{t['title']} · {view.unit_name} · {_at(view.shift_start)}",
        page_words=t["page"],
    )


def write_handover_pdf(view: HandoverView, path: Path, *, language: str = "nb") -> int:
    """Write ``view`` as an A4 PDF at ``path`` (replaced if it exists); returns the pages."""
    from officer_desk.reports import pdf  # Qt only now, not when a screen imports this

    return pdf.write_document(handover_document(view, language=language), path)
