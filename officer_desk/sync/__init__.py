"""The sync client (outbox push, paged pull, snapshots) and the wire protocol; no Qt."""
