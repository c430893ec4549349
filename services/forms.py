from django import forms
from django.utils.translation import gettext_lazy as _


class GuideForm(forms.Form):
    """One required radio question per published guide question; values are answer keys."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                help_text=question.help,
                choices=[(choice.key, choice.text) for choice in question.choices.all()],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to this question."),
                    "invalid_choice": _("Choose one of the answers offered."),
                },
            )

    def chosen(self):
        """The Choice objects picked, in question order."""
        picked = []
        for question in self.questions:
            key = self.cleaned_data[question.key]
            picked += [c for c in question.choices.all() if c.key == key]
        return picked
