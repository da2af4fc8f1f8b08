"""The person page: profile and one timeline of everything about the person."""
