"""domain layer of officer_desk (see docs/ARCHITECTURE.md)."""
