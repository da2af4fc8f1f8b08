"""Who makes a change, and from where: the audit's who and which workstation.

Kept apart from the write path (``app.writes``), which loads the database stack: the
screens hold an ``Actor`` long before anything is written.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    """Who is making a change, and from where (the audit's who and which workstation)."""

    officer_id: str | None
    name: str
    workstation: str = field(default_factory=socket.gethostname)
    # An officer sees their own caseload, a supervisor the unit, an admin accounts and
    # settings; "system" is a local tool acting for facility IT (seed, import, migrations).
    role: str = "officer"

    @classmethod
    def system(cls, name: str = "officer-desk-admin") -> Actor:
        return cls(officer_id=None, name=name, role=SYSTEM)

    @property
    def is_system(self) -> bool:
        return self.role == SYSTEM
