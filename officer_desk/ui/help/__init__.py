"""In-app help: keyboard shortcuts (read from the window's menus) and what the flags mean."""
