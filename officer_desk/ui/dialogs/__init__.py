"""Dialogs for logging the officer's day: meals, activities, conversations, notes."""
