"""The sync hub (officer-desk-server): FastAPI over SQLite or PostgreSQL; no Qt."""
