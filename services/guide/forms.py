"""The questionnaire as a Django form: one radio question per published guide question."""

from django import forms
from django.utils.translation import gettext_lazy as _


class GuideForm(forms.Form):
    """One required radio question per published question; values are answer keys.

    `questions` are `Question`s with their `answers` prefetched. `choices` (optional): question
    id → [(answer key, answer text)], as `choices_of` gives them, when the caller keeps them
    (services/catalogue/selectors.py keeps them per content version). Nothing is stored: the
    form only reads what was posted.
    """

    def __init__(self, questions, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        choices = choices or choices_of(questions)
        for question in questions:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                help_text=question.help,
                choices=choices[question.pk],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to this question."),
                    "invalid_choice": _("Choose one of the answers offered."),
                },
            )

    def chosen(self):
        """The `Answer`s picked among the valid answers, in question order.

        Call after `is_valid()`: a question left blank or answered with a tampered value is
        simply absent, so a risk answer is honoured even when other answers are missing.
        """
        cleaned = getattr(self, "cleaned_data", {})
        picked = []
        for question in self.questions:
            key = cleaned.get(question.key)
            picked += [a for a in question.answers.all() if a.key == key]
        return picked

    def unanswered(self):
        """The questions with no valid answer, in order (after `is_valid()`)."""
        cleaned = getattr(self, "cleaned_data", {})
        return [q for q in self.questions if not cleaned.get(q.key)]


def choices_of(questions):
    """{question id: [(answer key, answer text in the active language)]}."""
    return {q.pk: [(answer.key, answer.text) for answer in q.answers.all()] for q in questions}
