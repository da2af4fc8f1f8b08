"""The hub's routes by what they serve; ``server/app.py`` assembles them."""
