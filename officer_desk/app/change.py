"""What one write changed; the value screens refresh from (kept free of heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Change:
    """What one write changed: entity kinds, row ids and the people they concern."""

    entities: set[str] = field(default_factory=set)
    ids: list[str] = field(default_factory=list)
    inmate_ids: set[str] = field(default_factory=set)

    def add(self, entity: str, row_id: str, inmate_id: str | None) -> None:
        self.entities.add(entity)
        self.ids.append(row_id)
        if inmate_id:
            self.inmate_ids.add(inmate_id)
