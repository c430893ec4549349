"""The editors' workspace: every visitor-facing word, in French and English side by side, with
history and undo, preview, translation gaps, review dates and readability.

One module per area; importing them registers their admin classes.
"""

from . import catalogue, guide, pending, regions  # noqa: F401
