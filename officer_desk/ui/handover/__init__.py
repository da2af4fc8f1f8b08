"""The shift handover screens: the list and search, the editor, read-back and signing."""
