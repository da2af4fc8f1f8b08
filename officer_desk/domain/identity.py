"""How a person is named on every screen and report: one rule, so two people never look alike.

A label is the preferred name and the surname (its initial where space is short), the prison
number and the cell.  The prison number is unique, so two labels always differ; where two
people of one list share the shown name, the short form keeps the whole surname for both
(``labels``) so the difference is not left to the number alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
SEPARATOR = " · "


@dataclass(frozen=True)
class PersonLabel:
    name: str  # preferred name and surname: "Frode Sørensen"
    short_name: str  # preferred name and the surname's initial: "Frode S."
    prison_number: str
    cell: str

    def text(self, *, short: bool = False) -> str:
        """The whole label: ``Frode Sørensen · H-1010 · C523``."""
        name = self.short_name if short else self.name
        return SEPARATOR.join(x for x in (name, self.prison_number, self.cell) if x)

    @property
    def long(self) -> str:
        return self.text()

    @property
    def short(self) -> str:
        return self.text(short=True)

    @property
    def details(self) -> str:
        """What follows the name when the name stands on a line of its own (a card)."""
        return SEPARATOR.join(x for x in (self.prison_number, self.cell) if x)


def shown_name(full_name: str, preferred_name: str = "") -> str:
    """Preferred name (else the first given name) and the surname: the name people use."""
    full = " ".join(full_name.split())
    preferred = " ".join(preferred_name.split())
    words = full.split(" ") if full else []
    surname = words[-1] if len(words) > 1 else ""
    if not preferred:
        return full
    if not surname or surname.casefold() in preferred.casefold().split(" "):
        return preferred
    return f"{preferred} {surname}"


def _short_name(full_name: str, preferred_name: str) -> str:
    name = shown_name(full_name, preferred_name)
    words = name.split(" ")
    if len(words) < 2 or not words[-1]:
        return name
    return " ".join(words[:-1]) + f" {words[-1][0]}."


def person_label(
    full_name: str, preferred_name: str = "", prison_number: str = "", cell: str = ""
) -> PersonLabel:
    """The one label of a person (see the module's docstring)."""
    return PersonLabel(
        name=shown_name(full_name, preferred_name),
        short_name=_short_name(full_name, preferred_name),
        prison_number=prison_number.strip(),
        cell=cell.strip(),
    )


def labels(
    people: Sequence[T], label_of: Callable[[T], PersonLabel], *, short: bool = False
) -> list[str]:
    """The labels of a list's people, in its order, none alike: where two short names meet
    (two "Frode S."), those people get their whole name."""
    made = [label_of(p) for p in people]
    if not short:
        return [label.long for label in made]
    seen = Counter(label.short_name.casefold() for label in made)
    return [label.text(short=seen[label.short_name.casefold()] == 1) for label in made]


def alike(texts: Iterable[str]) -> set[str]:
    """The texts that occur more than once (a test's and a check's question)."""
    counts = Counter(texts)
    return {text for text, n in counts.items() if n > 1}
