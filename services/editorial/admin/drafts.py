"""The admin side of services/editorial/publishing.py: every content form lets a draft be
half-written.

`publication_rule_form(form_class)` is applied by `ContentAdmin.get_form` to every content
admin, so there is one rule for every model: fields the models require become optional in
the form, and `clean()` puts them back only for a row visitors will see.
"""

from django.utils.translation import gettext as _

from services.editorial import publishing


class PublicationRuleForm:
    """A ModelForm mixin: a draft needs its French name; publishing needs everything."""

    # True on an add form of someone who may not publish: the row will be saved as a draft
    # whatever the form says (services/editorial/admin/guards.py, save_model).
    saved_as_draft = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        minimum = publishing.draft_minimum(model)
        required = set(publishing.required_fields(model))
        # Fields the rule handles: required on a visible row, optional on a draft.
        self.needed_to_publish = []
        for name, field in self.fields.items():
            if name in required and name not in minimum and field.required:
                field.required = False
                self.needed_to_publish.append(name)

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        publishing.fill_slugs(model, cleaned)
        if not self.saved_as_draft and publishing.will_be_visible(model, self.instance, cleaned):
            for name in self.needed_to_publish:
                if name not in self.errors and publishing.is_empty(cleaned.get(name)):
                    self.add_error(name, _("Needed before publishing, in French and in English."))
        return cleaned


def publication_rule_form(form_class, saved_as_draft=False):
    """`form_class` with the rule; `saved_as_draft`: see PublicationRuleForm."""
    rule_form = type(
        form_class.__name__, (PublicationRuleForm, form_class), {"saved_as_draft": saved_as_draft}
    )
    # The metaclass built the fields again from the model: keep those the admin shaped (help
    # text such as an outdated-translation mark, the rich-text editor).
    rule_form.base_fields = form_class.base_fields
    return rule_form
