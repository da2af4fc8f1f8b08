"""Programme screens: one person's enrolments, the caseload's progress, the admin catalogue."""
