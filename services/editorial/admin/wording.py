"""French agreement in the admin's own sentences (issue 15): « Supprimer les interventions
sélectionnées », not Django's one-size « sélectionnés ».

French adjectives agree with the noun's gender, which only the French noun knows. The gender
of each model's French plural is listed here (masculine is the rule for a mixed pair such as
« lignes d'aide et répertoires »); the two sentences are translated once each, with a context.
"""

from django.contrib.admin.actions import delete_selected
from django.utils.translation import pgettext_lazy

# Model name → the grammatical gender of its French plural (verbose_name_plural, in fr).
FEMININE = {
    "intervention",  # interventions
    "comparisoncell",  # cases du tableau comparatif
    "page",
    "source",
    "question",  # questions du guide
    "answer",  # réponses
    "answerrule",  # règles de sécurité
    "region",  # régions
}
# Masculine: critères, endroits où aller, poids, profils révisés, termes du glossaire, and
# « lignes d'aide et répertoires » (a mixed pair agrees in the masculine).

DELETE_SELECTED = {
    "feminine": pgettext_lazy("feminine plural", "Delete selected %(verbose_name_plural)s"),
    "masculine": pgettext_lazy("masculine plural", "Delete selected %(verbose_name_plural)s"),
}


def gender(model):
    return "feminine" if model._meta.model_name in FEMININE else "masculine"


class AgreementAdmin:
    """Admin mixin: the bulk delete action's label agrees with the model's French plural."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _func, name, _description = actions["delete_selected"]
            description = DELETE_SELECTED[gender(self.model)] % {
                "verbose_name_plural": self.model._meta.verbose_name_plural
            }
            actions["delete_selected"] = (delete_selected, name, description)
        return actions
