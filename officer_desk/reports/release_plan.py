"""The person's own copy of their release plan, as a plain-language A4 PDF (bokmål or English).

Made from :class:`officer_desk.store.progress.PlanView`: when they leave, whether the two things
nobody leaves without are in place (the gate, explained simply), what is still open with its
date, what is done, and whom to ask.  The headings and fixed texts are keys of the translation
catalogue (:data:`TEXTS`), rendered in the person's language (``reports.words``); the item
titles come from the plan itself (``title_en``/``title_nb``).

Building the HTML needs only QtCore (the catalogue) and no database stack; QtGui is imported
only when the PDF is written (``reports.pdf``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk.domain.release import RESOLVED, ItemStatus, Urgency
from officer_desk.domain.wording import phrase
from officer_desk.reports import words
from officer_desk.reports.document import Document
from officer_desk.reports.words import words_for

if TYPE_CHECKING:
    from officer_desk.store.progress import PlanItemView, PlanView

LANGUAGES = words.LANGUAGES

C = "release plan report"  # the catalogue context of this report's words
# The fixed texts as keys of the translation catalogue, rendered in the reader's language
# (``_texts``); the Norwegian is in resources/i18n like every other text.
TEXTS: dict[str, Any] = {
    "title": phrase(C, "Your release plan"),
    "made_on": phrase(C, "Made on {date}"),
    "release_on": phrase(C, "You are due to be released on <b>{date}</b>."),
    "countdown": (
        phrase(C, "That is today."),
        phrase(C, "That is tomorrow."),
        phrase(C, "That is in {n} days."),
    ),
    "passed": phrase(C, "That date has passed."),
    "share": phrase(C, "{done} of {total} things in your plan are done."),
    "gate_title": phrase(C, "Two things must be in place before you leave"),
    "gate_why": phrase(
        C,
        "Nobody should leave prison without <b>a place to live</b> and <b>a "
        "school place or a job</b>. Your contact officer works on these with "
        "you first.",
    ),
    "gate_met": phrase(C, "Both are in place. Well done."),
    "gate_missing": phrase(C, "Still missing: {what}."),
    "missing": {
        "housing": phrase(C, "a confirmed place to live"),
        "education_or_work": phrase(C, "a confirmed school place or job"),
    },
    "gate_done": {
        "housing": phrase(C, "A place to live: confirmed."),
        "education_or_work": phrase(C, "A school place or a job: confirmed."),
    },
    "open_title": phrase(C, "Still to do"),
    "open_none": phrase(C, "Nothing is left open. Everything in your plan is done or not needed."),
    "by": phrase(C, "by {date}"),
    "late": phrase(C, "late: it was due {date}"),
    "soon": phrase(C, "soon"),
    "working": phrase(C, "{who} is working on this."),
    "referral": phrase(C, "Sent to {agency} on {date}, with your consent."),
    "answer": phrase(C, "Answer: {answer}"),
    "no_answer": phrase(C, "No answer yet."),
    "done_title": phrase(C, "Done"),
    "done_none": phrase(C, "Nothing is marked as done yet."),
    "status": {
        "not_started": phrase(C, "not started"),
        "in_progress": phrase(C, "started"),
        "done": phrase(C, "done"),
        "support_declined": phrase(C, "you said no thanks to help"),
        "not_needed": phrase(C, "not needed"),
    },
    "contact_title": phrase(C, "Who to contact"),
    "contact_officer": phrase(
        C,
        "Your contact officer, <b>{name}</b>, can answer questions about everything in this plan.",
    ),
    "contact_any": phrase(
        C, "Your contact officer can answer questions about everything in this plan."
    ),
    "contact_people": phrase(C, "Others working on your plan: {names}."),
    "contact_agencies": phrase(C, "Services you have been referred to: {names}."),
    "change": phrase(
        C,
        "If something is wrong, or your plans change, tell your contact "
        "officer. If your release date moves, the dates in this plan move with "
        "it, and you get a new copy.",
    ),
    "page": phrase(C, "Page {page} of {pages}"),
    "months": words.MONTHS,  # the person reads dates written out in full
    "date": words.LONG_DATE,
    "and": phrase(C, " and "),
}

# Margins and padding in px (Qt scales them to the PDF's resolution); font sizes in pt.
CSS = """
body { color: #1f2328; }
h1 { font-size: 22pt; font-weight: bold; margin-bottom: 2px; }
h2 { font-size: 15pt; font-weight: bold; margin-top: 22px; margin-bottom: 8px; }
h3 { font-size: 12pt; font-weight: bold; margin-top: 14px; margin-bottom: 4px;
     color: #0b4f71; }
p { margin-top: 0px; margin-bottom: 7px; }
.who { font-size: 12pt; margin-bottom: 14px; }
.box { padding: 12px; }
.gate { background-color: #eef4f8; }
.missing { color: #8a1f24; font-weight: bold; }
.met { color: #245a2e; font-weight: bold; }
.item { margin-left: 14px; margin-bottom: 8px; }
.meta { color: #4a4f55; font-size: 9.5pt; margin-left: 28px; margin-bottom: 2px; }
.late { color: #8a1f24; font-weight: bold; }
.soon { color: #7a4b00; font-weight: bold; }
"""


@cache
def pathway_names(language: str) -> dict[str, str]:
    """Pathway code -> its name in ``language``, from the shipped plan template."""
    from officer_desk.paths import resource_dir

    data = json.loads(
        (resource_dir() / "templates" / "release_plan.json").read_text(encoding="utf-8")
    )
    return {p["code"]: p["name"].get(language, p["name"]["en"]) for p in data["pathways"]}


def item_title(item: PlanItemView, language: str) -> str:
    return item.title_nb if language == "nb" else item.title_en


def release_plan_document(
    view: PlanView,
    person_name: str,
    prison_number: str,
    *,
    language: str = "nb",
    contact_officer: str = "",
    made_on: date | None = None,
) -> Document:
    """The person's copy of ``view``, ready to print or to save as a PDF."""
    t = _texts(language)
    return Document(
        release_plan_html(
            view,
            person_name,
            prison_number,
            language=language,
            contact_officer=contact_officer,
            made_on=made_on,
        ),
        title=f"{t['title']} – {person_name}",
        css=CSS,
        who=f"{person_name} · {prison_number}",
        page_words=t["page"],
    )


def write_release_plan_pdf(
    view: PlanView,
    person_name: str,
    prison_number: str,
    path: Path,
    *,
    language: str = "nb",
    contact_officer: str = "",
    made_on: date | None = None,
) -> None:
    """Write the person's copy of ``view`` as an A4 PDF at ``path`` (replaced if it exists)."""
    from officer_desk.reports import pdf  # Qt only now, not when a screen imports this

    document = release_plan_document(
        view,
        person_name,
        prison_number,
        language=language,
        contact_officer=contact_officer,
        made_on=made_on,
    )
    pdf.write_document(document, path)


def _texts(language: str) -> dict[str, Any]:
    rendered: dict[str, Any] = words_for(language).tree(TEXTS)
    return rendered


def release_plan_html(
    view: PlanView,
    person_name: str,
    prison_number: str,
    *,
    language: str = "nb",
    contact_officer: str = "",
    made_on: date | None = None,
) -> str:
    """The plan as the simple HTML that QTextDocument understands."""
    t = _texts(language)
    made = made_on or date.today()
    parts = [
        f"<h1>{escape(t['title'])}</h1>",
        f"<p class='who'><b>{escape(person_name)}</b> · {escape(prison_number)} · "
        f"{escape(t['made_on'].format(date=_date(t, made)))}</p>",
        _summary(t, view),
        f"<h2>{escape(t['open_title'])}</h2>",
    ]
    open_items = [i for i in view.items if ItemStatus(i.status) not in RESOLVED]
    done_items = [i for i in view.items if ItemStatus(i.status) in RESOLVED]
    if open_items:
        parts += _by_pathway(t, language, open_items, _open_item)
    else:
        parts.append(f"<p>{escape(t['open_none'])}</p>")
    parts.append(f"<h2>{escape(t['done_title'])}</h2>")
    if done_items:
        parts += _by_pathway(t, language, done_items, _done_item)
    else:
        parts.append(f"<p>{escape(t['done_none'])}</p>")
    parts.append(_contacts(t, view, contact_officer))
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _summary(t: dict[str, Any], view: PlanView) -> str:
    ready = view.readiness
    days = ready.days_to_release
    countdown = t["passed"] if days < 0 else t["countdown"][min(days, 2)].format(n=days)
    done = sum(ItemStatus(i.status) in RESOLVED for i in view.items)
    lines = [
        f"<p>{t['release_on'].format(date=escape(_date(t, view.release_date)))} "
        f"{escape(countdown)}</p>",
        f"<p>{escape(t['share'].format(done=done, total=len(view.items)))}</p>",
        f"<h3>{escape(t['gate_title'])}</h3>",
        f"<p>{t['gate_why']}</p>",
    ]
    gate = ready.gate
    if gate.met:
        lines.append(f"<p class='met'>{escape(t['gate_met'])}</p>")
    else:
        roles = (("housing", gate.housing), ("education_or_work", gate.education_or_work))
        missing = [t["missing"][role] for role, ok in roles if not ok]
        lines += [f"<p class='met'>{escape(t['gate_done'][role])}</p>" for role, ok in roles if ok]
        what = t["and"].join(missing)
        lines.append(f"<p class='missing'>{escape(t['gate_missing'].format(what=what))}</p>")
    body = "".join(lines)
    return (
        "<table class='gate' width='100%' cellspacing='0'>"
        f"<tr><td class='box'>{body}</td></tr></table>"
    )


def _by_pathway(
    t: dict[str, Any], language: str, items: Sequence[PlanItemView], one: Any
) -> list[str]:
    names = pathway_names(language)
    parts: list[str] = []
    current = None
    for item in items:  # already in template order, so pathways come in blocks
        if item.pathway != current:
            current = item.pathway
            parts.append(f"<h3>{escape(names.get(item.pathway, item.pathway))}</h3>")
        parts.append(one(t, language, item))
    return parts


def _open_item(t: dict[str, Any], language: str, item: PlanItemView) -> str:
    if item.urgency is Urgency.OVERDUE:
        when = f"<span class='late'>{escape(t['late'].format(date=_date(t, item.due_date)))}</span>"
    elif item.urgency is Urgency.DUE:
        when = (
            f"{escape(t['by'].format(date=_date(t, item.due_date)))} · "
            f"<span class='soon'>{escape(t['soon'])}</span>"
        )
    else:
        when = escape(t["by"].format(date=_date(t, item.due_date)))
    status = t["status"][item.status]
    lines = [
        f"<p class='item'><b>{escape(item_title(item, language))}</b> — {when} "
        f"({escape(status)})</p>"
    ]
    if item.owner:
        lines.append(f"<p class='meta'>{escape(t['working'].format(who=item.owner))}</p>")
    lines += _referrals(t, item)
    return "".join(lines)


def _done_item(t: dict[str, Any], language: str, item: PlanItemView) -> str:
    # "Done" is the heading already; say only how the other resolved items were closed.
    status = "" if item.status == ItemStatus.DONE else f" ({escape(t['status'][item.status])})"
    return f"<p class='item'>✓ {escape(item_title(item, language))}{status}</p>"


def _referrals(t: dict[str, Any], item: PlanItemView) -> list[str]:
    lines = []
    for referral in item.referrals:
        text = t["referral"].format(agency=referral.agency, date=_date(t, referral.sent_on))
        answer = t["answer"].format(answer=referral.answer) if referral.answer else t["no_answer"]
        lines.append(f"<p class='meta'>{escape(text)} {escape(answer)}</p>")
    return lines


def _contacts(t: dict[str, Any], view: PlanView, contact_officer: str) -> str:
    parts = [f"<h2>{escape(t['contact_title'])}</h2>"]
    if contact_officer:
        parts.append(f"<p>{t['contact_officer'].format(name=escape(contact_officer))}</p>")
    else:
        parts.append(f"<p>{escape(t['contact_any'])}</p>")
    owners = _unique(i.owner for i in view.items if i.owner and i.owner != contact_officer)
    if owners:
        parts.append(f"<p>{escape(t['contact_people'].format(names=', '.join(owners)))}</p>")
    agencies = _unique(r.agency for i in view.items for r in i.referrals)
    if agencies:
        parts.append(f"<p>{escape(t['contact_agencies'].format(names=', '.join(agencies)))}</p>")
    parts.append(f"<p>{escape(t['change'])}</p>")
    return "".join(parts)


def _unique(values: Any) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value.strip(), None)
    return [v for v in seen if v]


def _date(t: dict[str, Any], day: date) -> str:
    return t["date"].format(day=day.day, month=t["months"][day.month - 1], year=day.year)
