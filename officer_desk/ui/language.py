"""File → Language…: choose the interface language of this workstation (any signed-in person)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QWidget,
)

from officer_desk.ui import i18n
from officer_desk.ui.choice_dialog import WorkstationChoiceDialog


class LanguageDialog(WorkstationChoiceDialog):
    """Follow the system, or English, or Norwegian Bokmål; used from the next start."""

    def __init__(self, config_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config_dir = config_dir
        system = i18n.LANGUAGES[i18n.system_language()]
        self.build(
            self.tr("Language"),
            self.tr(
                "The language of Officer Desk on this workstation, for everyone who signs in "
                "here. Dates and numbers follow it."
            ),
            {
                i18n.SYSTEM: self.tr("As the computer is set up (now: {language})").format(
                    language=system
                ),
                **i18n.LANGUAGES,
            },
            i18n.saved_language(config_dir),
        )

    def save(self) -> None:
        chosen = self.chosen()
        i18n.save_language(self._config_dir, chosen)
        if (chosen or i18n.system_language()) == i18n.current_language():
            self.accept()
            return
        # The screens set their words when they are built: a restart shows the new language.
        self.say(
            self.tr(
                "Saved. Officer Desk speaks {language} from the next time it starts. Restart "
                "now, or later: save what you are typing elsewhere first, and sign in again "
                "after the restart."
            ).format(language=i18n.LANGUAGES[chosen or i18n.system_language()])
        )
        for button in self.choices.values():
            button.setEnabled(False)
        box = self.buttons
        box.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.restart_button = box.addButton(
            self.tr("&Restart now"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restart_button.setAccessibleName(self.tr("Restart Officer Desk now"))
        self.restart_button.clicked.connect(self.restart)
        self.restart_button.setFocus()

    def restart(self) -> None:
        """Start a new Officer Desk with the same arguments, then quit this one."""
        program, arguments = restart_command()
        if not QProcess.startDetached(program, arguments):
            self.say(self.tr("Officer Desk could not restart itself; close it and open it again."))
            return
        self.accept()
        QCoreApplication.exit(0)  # the launcher closes the window and the records as on Quit


def restart_command() -> tuple[str, list[str]]:
    """The command line that started this process: the bundle, or Python with the launcher."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    start = "from officer_desk.ui.launcher import main; raise SystemExit(main())"
    return sys.executable, ["-c", start, *sys.argv[1:]]
