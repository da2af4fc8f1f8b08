"""A dialog that sets one thing for this workstation: an introduction, one radio button per
choice (the first follows the computer's own setting), Save and Cancel.  File → Language and
File → Look are such dialogs; each says what its choices are and what saving does."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from officer_desk.ui.fit import fit_to_text, grow_to_fit


class WorkstationChoiceDialog(QDialog):
    """Built by the subclass's ``__init__`` calling :meth:`build` (its words come from its
    own ``tr``, which needs the dialog made first)."""

    def build(self, title: str, intro: str, choices: dict[str, str], saved: str) -> None:
        """``choices``: code → label, in the order shown; ``saved``: the code chosen now."""
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.choices: dict[str, QRadioButton] = {
            code: QRadioButton(label) for code, label in choices.items()
        }
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        for button in self.choices.values():
            button.setAccessibleName(button.text())
            self._group.addButton(button)
            layout.addWidget(button)
        self.choices[saved].setChecked(True)
        # What saving did, when it needs saying (hidden until then).
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("Hint")
        self.note.hide()
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        fit_to_text(self)

    def chosen(self) -> str:
        return next(code for code, button in self.choices.items() if button.isChecked())

    def save(self) -> None:
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()
        grow_to_fit(self)
