"""The admin home and side bar grouped by what editors work on, technical sections last.

`grouped(app_list)` turns Django's one block per app (« Contenu du site », 14 models in
alphabetical order) into one block per area of the site, in the order editors think of them;
users, login attempts and devices come after. Used by OrientationAdminSite.get_app_list.
"""

from django.utils.translation import gettext_lazy as _

# (group name, [model names]), in order. A services model missing here lands in « Other ».
GROUPS = [
    (_("Pages"), ["page"]),
    (_("Kinds of help"), ["intervention"]),
    (_("Comparison table"), ["criterion", "comparisoncell"]),
    (_("The guide « Which service? »"), ["question", "answer", "answerweight", "answerrule"]),
    (_("Guide checks"), ["reviewedprofile"]),
    (_("Help lines and directories"), ["resource"]),
    (_("Glossary"), ["glossaryterm"]),
    (_("Near you: regions"), ["region", "accesspoint"]),
    (_("Sources"), ["source"]),
]
CONTENT_APP = "services"


def grouped(app_list):
    """Django's app list (dicts with 'app_label' and 'models'), content split into GROUPS
    first, then the other apps (users, axes, otp) as Django lists them."""
    content = [app for app in app_list if app["app_label"] == CONTENT_APP]
    others = [app for app in app_list if app["app_label"] != CONTENT_APP]
    if not content:
        return app_list
    app = content[0]
    models = {model["object_name"].lower(): model for model in app["models"]}
    result = []
    for name, members in GROUPS:
        rows = [models.pop(member) for member in members if member in models]
        if rows:
            result.append({**app, "name": name, "models": rows})
    if models:
        result.append({**app, "name": _("Other content"), "models": list(models.values())})
    return result + others
