"""Template tags only the admin loads; registered by name in settings.TEMPLATES (Django finds
an app's own tags only in `services/templatetags/`, which keeps the public ones)."""
