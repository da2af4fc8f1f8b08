"""The first-run guide: shown instead of the sign-in page when the data folder is empty."""
