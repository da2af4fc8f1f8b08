"""officer_desk: the contact officer's desk for a prison unit workstation."""

__version__ = "0.1.0"

# The product's name as people read it (window titles, the sign-in card); a name, not translated.
PRODUCT_NAME = "Officer Desk"
