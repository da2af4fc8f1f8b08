"""Help ▸ Help (F1): a list of topics and the page for the chosen one.

The shortcut table is made from the window's menus each time the dialog opens, so it lists
every action with a key as it is now (``ui/actions.py`` and the main window's own entries)
and cannot go stale.  The other topics explain the flags and statuses the screens show.
Imported only when Help is opened.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def plain(text: str) -> str:
    """A menu text without its accelerator mark and trailing dots: "Log &meal…" → "Log meal"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, str, str, str]]:
    """(menu, action, keys, what it does) for every menu entry that has a key."""
    rows: list[tuple[str, str, str, str]] = []

    def walk(menu_title: str, actions: list[QAction]) -> None:
        for action in actions:
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(menu_title, sub.actions())
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if action.isSeparator() or not keys:
                continue
            name = plain(action.text())
            tip = action.statusTip() or action.toolTip()
            rows.append((menu_title, name, keys, "" if plain(tip) == name else tip))

    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(plain(top.text()), menu.actions())
    return rows


class HelpDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HelpDialog")
        self.setWindowTitle(self.tr("Officer Desk help"))
        self.resize(880, 600)
        self.topics = QListWidget()
        self.topics.setAccessibleName(self.tr("Help topics"))
        self.topics.setMaximumWidth(240)
        self.page = QTextBrowser()
        self.page.setAccessibleName(self.tr("Help page"))
        self.page.setOpenExternalLinks(False)
        self.pages: dict[str, str] = {
            self.tr("Keyboard shortcuts"): self.shortcuts_html(menu_bar),
            self.tr("A person's card"): self.card_html(),
            self.tr("Release readiness"): self.release_html(),
            self.tr("Shift handover"): self.handover_html(),
            self.tr("Sync with the hub"): self.sync_html(),
        }
        self.topics.addItems(list(self.pages))
        self.topics.currentTextChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.topics)
        row.addWidget(self.page, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.setTabOrder(self.topics, self.page)
        self.topics.setCurrentRow(0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.topics.setFocus(Qt.FocusReason.OtherFocusReason)  # not kept if given while hidden

    def _show(self, topic: str) -> None:
        self.page.setHtml(self.pages.get(topic, ""))

    def show_topic(self, topic: str) -> None:
        items = self.topics.findItems(topic, Qt.MatchFlag.MatchExactly)
        if items:
            self.topics.setCurrentItem(items[0])

    # --- the pages ---------------------------------------------------------------------------

    def shortcuts_html(self, menu_bar: QMenuBar) -> str:
        head = "".join(
            f"<th align='left'>{html.escape(h)}</th>"
            for h in (self.tr("Keys"), self.tr("Action"), self.tr("Menu"), self.tr("What it does"))
        )
        body = "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(action)}</td>"
            f"<td>{html.escape(menu)}</td><td>{html.escape(tip)}</td></tr>"
            for menu, action, keys, tip in shortcut_rows(menu_bar)
        )
        intro = self.tr(
            "Everything on the desk can be done from the keyboard: Tab and Shift+Tab move "
            "between controls, Alt with the underlined letter opens a menu or presses a button. "
            "The desk's own keys work while the caseload is shown."
        )
        return (
            f"<h2>{html.escape(self.tr('Keyboard shortcuts'))}</h2><p>{html.escape(intro)}</p>"
            f"<table cellspacing='0' cellpadding='5' border='1'><tr>{head}</tr>{body}</table>"
        )

    @staticmethod
    def _topic(title: str, items: list[tuple[str, str]], intro: str = "") -> str:
        rows = "".join(
            f"<dt><b>{html.escape(term)}</b></dt><dd>{html.escape(meaning)}</dd>"
            for term, meaning in items
        )
        lead = f"<p>{html.escape(intro)}</p>" if intro else ""
        return f"<h2>{html.escape(title)}</h2>{lead}<dl>{rows}</dl>"

    def card_html(self) -> str:
        return self._topic(
            self.tr("A person's card"),
            [
                (
                    self.tr("⚑ Declined meals in a row (refusal streak)"),
                    self.tr(
                        "The person has declined this many meals one after the other (3 by "
                        "default; an admin sets the number). Talk with them and tell the "
                        "health staff. It ends with the next meal they eat."
                    ),
                ),
                (
                    self.tr("No one-to-one for some days (needs a talk)"),
                    self.tr(
                        "No one-to-one conversation has been recorded for longer than the "
                        "contact nudge (3 days by default). Record one with Conversation."
                    ),
                ),
                (
                    self.tr("Follow-up overdue"),
                    self.tr(
                        "A follow-up agreed in a conversation is past its due date and not "
                        "marked done. Tick it when it is done."
                    ),
                ),
                (
                    self.tr("⚑ Release: housing or school/work not in place"),
                    self.tr(
                        "Release is near and the release gate is not met. See Release readiness."
                    ),
                ),
                (self.tr("Release in … days"), self.tr("Days to the expected release date.")),
            ],
            self.tr(
                "The flags are worked out from what has been logged, every time the card "
                "is shown; nobody sets or clears them by hand."
            ),
        )

    def release_html(self) -> str:
        return self._topic(
            self.tr("Release readiness"),
            [
                (
                    self.tr("Amber item"),
                    self.tr("A checklist item that is due within 14 days and not done."),
                ),
                (self.tr("Red item"), self.tr("A checklist item past its due date, not done.")),
                (
                    self.tr("The gate"),
                    self.tr(
                        "Nobody leaves without a place to live and a school place or a job: "
                        "the gate is met only when the housing item and the education-or-work "
                        "item are both done (declined or not needed does not count). While it "
                        "is not met, an alert shows eight weeks and seven days before release, "
                        "and sign-off is refused unless a supervisor overrides it with a "
                        "written reason."
                    ),
                ),
                (
                    self.tr("Disputed item"),
                    self.tr(
                        "Two officers set opposite values for the same item on different "
                        "workstations. It counts as not done and blocks sign-off until a "
                        "supervisor decides (Unit → Conflicts)."
                    ),
                ),
            ],
        )

    def handover_html(self) -> str:
        return self._topic(
            self.tr("Shift handover"),
            [
                (
                    self.tr("Settled"),
                    self.tr("Nothing the next shift needs to act on for this person."),
                ),
                (self.tr("Watch"), self.tr("Something to keep an eye on during the next shift.")),
                (
                    self.tr("Concern"),
                    self.tr("Something the next shift must act on; concerns are listed first."),
                ),
                (
                    self.tr("Read-back"),
                    self.tr(
                        "The incoming officer acknowledges each person, or asks one question "
                        "that the outgoing officer answers first. A handover is signed once "
                        "everyone is acknowledged."
                    ),
                ),
            ],
        )

    def sync_html(self) -> str:
        return self._topic(
            self.tr("Sync with the hub"),
            [
                (
                    self.tr("Standalone"),
                    self.tr("This workstation is not joined to a hub; everything stays here."),
                ),
                (self.tr("Syncing"), self.tr("Changes are being sent and received now.")),
                (
                    self.tr("Synced at HH:MM"),
                    self.tr("Everything was sent and received at that time."),
                ),
                (
                    self.tr("Changes waiting"),
                    self.tr("Changes made here are kept and will be sent at the next sync."),
                ),
                (
                    self.tr("Offline"),
                    self.tr(
                        "The hub cannot be reached. Work goes on as usual; nothing is lost, "
                        "and sync tries again by itself."
                    ),
                ),
                (
                    self.tr("Sync stopped"),
                    self.tr(
                        "Someone has to act: the indicator says what (the clock is wrong, "
                        "update the app, access withdrawn). Click it for details."
                    ),
                ),
                (
                    self.tr("Refused changes"),
                    self.tr(
                        "The hub did not accept some changes; the sync panel lists them with "
                        "the hub's reason. Everything else still syncs."
                    ),
                ),
            ],
        )
