"""Every page type the browser tests visit, in both languages."""

PAGE_TYPES = {
    "home": {"fr": "/fr/", "en": "/en/"},
    "services": {"fr": "/fr/services/", "en": "/en/services/"},
    "crisis": {
        "fr": "/fr/services/intervention-de-crise/",
        "en": "/en/services/crisis-intervention/",
    },
    "psychotherapy": {"fr": "/fr/services/psychotherapie/", "en": "/en/services/psychotherapy/"},
    "compare": {"fr": "/fr/comparer/", "en": "/en/compare/"},
    "compare-two": {
        "fr": "/fr/comparer/psychotherapie/intervention-de-crise/",
        "en": "/en/compare/psychotherapy/crisis-intervention/",
    },
    "guide": {"fr": "/fr/quel-service-choisir/", "en": "/en/which-service/"},
    "resources": {"fr": "/fr/ressources/", "en": "/en/resources/"},
    "glossary": {"fr": "/fr/glossaire/", "en": "/en/glossary/"},
    "about": {"fr": "/fr/a-propos/", "en": "/en/about/"},
    "privacy": {"fr": "/fr/confidentialite/", "en": "/en/privacy/"},
    "worried": {"fr": "/fr/inquiet-pour-un-proche/", "en": "/en/worried-about-someone/"},
    # The practical pages share one template; this one has the most kinds of content.
    "costs": {"fr": "/fr/couts-et-remboursements/", "en": "/en/costs-and-coverage/"},
    "near-you": {"fr": "/fr/pres-de-chez-toi/", "en": "/en/near-you/"},
    "region": {"fr": "/fr/pres-de-chez-toi/montreal/", "en": "/en/near-you/montreal/"},
    "region-north": {
        "fr": "/fr/pres-de-chez-toi/nord-du-quebec/",
        "en": "/en/near-you/nord-du-quebec/",
    },
    "404": {"fr": "/fr/nulle-part/", "en": "/en/nowhere/"},
}
SUBMIT = {"fr": "Voir l'aide qui pourrait convenir", "en": "See which help may fit"}
# (question key, answer key) of a complete, safe answer set.
GRIEF = [
    ("situation", "grief"),
    ("duration", "months"),
    ("impact", "quite-a-lot"),
    ("safety", "safe"),
    ("hope", "talk"),
]


def open_guide_state(page, site, language, state):
    """The guide as a visitor sees it: 'errors' (sent blank), 'result' (sent complete) or
    'risk' (only « I have thoughts of suicide » ticked)."""
    page.goto(site + PAGE_TYPES["guide"][language])
    if state == "result":
        for question, answer in GRIEF:
            page.check(f"#{question}-{answer}")
    if state == "risk":
        page.check("#safety-suicidal-thoughts")
    page.get_by_role("button", name=SUBMIT[language]).click()
    page.wait_for_load_state()
