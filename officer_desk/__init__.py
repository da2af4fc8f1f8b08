"""officer_desk: the contact officer's desk for a prison unit workstation."""

__version__ = "0.1.0"
