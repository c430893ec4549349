"""The fixed pages' rows, so that a migrated but unseeded database serves every page.

Each row gets its key and a plain title in French and English: a safe default that
`seed_content` then fills. A `SeedRecord` of exactly what is written here tells the loader
these values are its own (services/content/seeder.py updates a field only while it still holds
what was last written), so the first seed replaces them, without marking a translation as
outdated (they are placeholders); an existing row is left alone.

The keys and titles are written out here, not read from services/models/pages.py: a migration
is a snapshot of its day, and the registry will change after it.
"""

from django.db import migrations

TITLES = {
    "home": ("Accueil", "Home"),
    "services": ("Types d'aide", "Kinds of help"),
    "compare": ("Comparer", "Compare"),
    "resources": ("Lignes d'aide et répertoires", "Help lines and directories"),
    "glossary": ("Glossaire", "Glossary"),
    "about": ("À propos", "About"),
    "privacy": ("Confidentialité", "Privacy"),
    "while-you-wait": ("En attendant", "While you wait"),
    "first-appointment": ("Un premier rendez-vous", "A first appointment"),
    "costs": ("Coûts et remboursements", "Costs and coverage"),
    "check-practitioner": ("Vérifier un professionnel", "Check a practitioner"),
    "youth-parents": ("Jeunes et parents", "Youth and parents"),
    "outside-quebec": ("Hors Québec", "Outside Québec"),
    "urgent-help": ("Aide urgente en personne", "Urgent help in person"),
    "worried": ("Inquiet ou inquiète pour un proche", "Worried about someone"),
}
# What the loader writes for a page, besides the titles (services/content/loader.py).
TRANSLATED = ("intro", "body", "meta_description", "reviewer_profession")
PLAIN = {"last_reviewed": None, "reviewer_name": "", "editor_note": ""}
LANGUAGES = ("fr", "en")


def create_page_rows(apps, schema_editor):
    Page = apps.get_model("services", "Page")
    SeedRecord = apps.get_model("services", "SeedRecord")
    for key, (title_fr, title_en) in TITLES.items():
        if Page.objects.filter(key=key).exists():
            continue
        values = {**PLAIN, "title_fr": title_fr, "title_en": title_en}
        values.update({f"{name}_{code}": "" for name in TRANSLATED for code in LANGUAGES})
        Page.objects.create(key=key, title=title_fr, intro="", **values)
        SeedRecord.objects.update_or_create(
            model="services.page",
            key=key,
            # "placeholder": default words, not a translation someone changed (the loader).
            defaults={"values": {**values, "sources": [], "placeholder": True}},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0019_guide_vocabulary_permissions_and_bookkeeping"),
    ]

    operations = [
        migrations.RunPython(create_page_rows, migrations.RunPython.noop),
    ]
