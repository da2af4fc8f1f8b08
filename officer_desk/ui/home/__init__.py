"""The home screen: a card for each person on the caseload."""
