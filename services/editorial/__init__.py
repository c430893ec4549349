"""The editors' side: the admin (split by area), roles and two-step login, the workbench's
checks (translations, readability, reviews, links), pending changes, drafts and History.

Visitors never reach this code; it may import the public side, never the reverse.
"""
