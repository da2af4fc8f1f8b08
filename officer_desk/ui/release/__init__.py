"""Release plan screens: one person's plan with its gate, sign-off, date changes, referrals."""
