"""Sync in the desktop app: the status-bar indicator, its panel, automatic sync and enrolment."""
