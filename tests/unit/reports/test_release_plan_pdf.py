"""The person's copy of the release plan: their name, what is still open with its date, the
gate in plain words, in bokmål and in English; read back from the PDF with pypdf."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from officer_desk.app import release
from officer_desk.app.writes import Actor
from officer_desk.store import progress
from officer_desk.store.database import Store
from officer_desk.store.progress import PlanView
from officer_desk.store.tables import Officer, ReleasePlanItem

TODAY = date.today()


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # words come back separated by tabs and line breaks


@pytest.fixture
def view(unit_store: Store, officer: Officer, caseload: list[str]) -> PlanView:
    kari = Actor(officer.id, officer.display_name)
    person = caseload[0]
    release.create_plan(unit_store, kari, inmate_id=person, release_date=TODAY + timedelta(days=40))
    with unit_store.reading() as session:
        items = {i.code: i.id for i in session.exec(select(ReleasePlanItem))}
    release.update_item(
        unit_store, kari, item_id=items["housing-confirmed"], status="done",
        evidence="Letter from Halden kommune",
    )  # fmt: skip
    release.update_item(unit_store, kari, item_id=items["gp"], owner="Helsetjenesten")
    release.add_referral(
        unit_store, kari, item_id=items["benefits"], agency="NAV Halden", sent_on=TODAY,
        consent=True,
    )  # fmt: skip
    with unit_store.reading() as session:
        found = progress.plan_view(session, person, TODAY)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            [
                "Løslatelsesplanen din",
                "Dette gjenstår",
                "Skoleplass eller jobb bekreftet",
                "Dette mangler fortsatt: en bekreftet skoleplass eller jobb.",
                "Et sted å bo: bekreftet.",
                "Helsetjenesten jobber med dette.",
                "Sendt til NAV Halden",
                "Kontaktbetjenten din,",
                "Side 1 av",
            ],
        ),
        (
            "en",
            [
                "Your release plan",
                "Still to do",
                "School place or job confirmed",
                "Still missing: a confirmed school place or job.",
                "A place to live: confirmed.",
                "Helsetjenesten is working on this.",
                "Sent to NAV Halden",
                "Your contact officer,",
                "Page 1 of",
            ],
        ),
    ],
)
def test_the_pdf_holds_the_name_the_open_items_and_the_gate(
    view: PlanView, tmp_path: Path, qapp: object, language: str, expected: list[str]
) -> None:
    from officer_desk.reports.release_plan import item_title, write_release_plan_pdf

    target = tmp_path / f"plan-{language}.pdf"
    write_release_plan_pdf(
        view, "Øystein Ås", "H-1001", target, language=language, contact_officer="Kari Nordmann"
    )
    text = pdf_text(target)
    assert "Øystein Ås" in text and "H-1001" in text and "Kari Nordmann" in text
    for words in expected:
        assert words in text, words
    open_items = [i for i in view.items if i.status not in ("done", "not_needed")]
    for item in open_items:
        assert item_title(item, language) in text
    # Open items carry their due date in words (first one as a sample).
    months = {"nb": "januar februar mars april mai juni juli august september oktober "
              "november desember", "en": "January February March April May June July "
              "August September October November December"}[language].split()  # fmt: skip
    first_due = open_items[0].due_date
    assert months[first_due.month - 1] in text
    assert not list(tmp_path.glob(".*writing"))


def test_an_unknown_language_is_refused(view: PlanView, tmp_path: Path) -> None:
    from officer_desk.reports.release_plan import release_plan_html

    with pytest.raises(ValueError, match="language must be one of"):
        release_plan_html(view, "x", "y", language="sv")


def test_building_the_html_needs_no_qt_and_no_database_stack() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import officer_desk.reports.release_plan, officer_desk.ui.release.words\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'sqlmodel', 'pydantic', 'alembic'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
