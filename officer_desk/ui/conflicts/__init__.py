"""Conflict review (supervisors): what the sync could not merge, and refused changes."""
