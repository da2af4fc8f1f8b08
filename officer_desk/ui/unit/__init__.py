"""The unit overview, reassignment and cover screens (supervisors)."""
