"""ui layer of Officer Desk (see docs/ARCHITECTURE.md)."""
