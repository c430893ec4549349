"""The admin side of outdated translations (services/editorial/outdated.py): the *still right*
checkbox, the marker beside each outdated field, and the list column's badges."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from services.editorial.outdated import STILL_RIGHT, compared_fields
from services.languages import field_in, in_language
from services.models import OutdatedTranslation
from services.models.safeguards import outdated_fields

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def language_name(code):
    """« French » in English, « français » in French (no capital for languages there)."""
    name = str(get_language_info(code)["name_translated"])
    return name.lower() if get_language() == "fr" else name


class StillRightForm(forms.ModelForm):
    """Every translated model's form: one extra box, not saved in the model."""

    other_language_still_right = forms.BooleanField(
        required=False,
        label=_("The other language is still right"),
        help_text=_(
            "Tick when your change does not alter the meaning (a typo, a comma), or to confirm "
            "that texts marked « needs review » still say the same as the other language. "
            "Nothing is then marked, and the marks already on this page are cleared."
        ),
    )


def outdated_column(obj):
    """The list column's badges: [« Needs review in EN »] from the queryset's annotations
    (`outdated_fr`, `outdated_en`), or from the database for an object read elsewhere."""
    if all(hasattr(obj, field_in("outdated", code)) for code in LANGUAGE_NAMES):
        codes = [code for code in LANGUAGE_NAMES if in_language(obj, "outdated", code)]
    else:
        codes = sorted(outdated_fields(obj))
    return [
        format_html(
            '<strong class="translation-outdated">{}</strong>',
            _("Needs review in %(language)s") % {"language": code.upper()},
        )
        for code in codes
    ]


class OutdatedTranslationsMixin:
    """For ContentAdmin: marks on the form, the checkbox, and one query for the list."""

    form = StillRightForm

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not compared_fields(self.model):
            return queryset
        markers = OutdatedTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return queryset.annotate(
            **{
                field_in("outdated", code): Exists(markers.filter(language=code))
                for code in LANGUAGE_NAMES
            }
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != STILL_RIGHT]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None and compared_fields(self.model):
            fieldsets.append((_("Translations"), {"fields": [STILL_RIGHT]}))
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None or obj.pk is None:
            return form
        for code, fields in outdated_fields(obj).items():
            other = ", ".join(language_name(c) for c in LANGUAGE_NAMES if c != code)
            for name, since in fields.items():
                field = form.base_fields.get(field_in(name, code))
                if field is None:
                    continue
                marker = _(
                    "Needs review: the %(other)s text changed on %(date)s and this one did not. "
                    "Edit it, or tick « the other language is still right » below."
                ) % {"other": other, "date": formats.date_format(since, "DATE_FORMAT")}
                field.help_text = format_html(
                    '<strong class="translation-outdated" data-outdated="{}">⚠ {}</strong><br>{}',
                    field_in(name, code),
                    marker,
                    field.help_text,
                )
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # The marks sit on the other language's tab: say so above the tabs too.
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            for code, fields in sorted(outdated_fields(obj).items()) if obj else []:
                labels = ", ".join(
                    str(self.model._meta.get_field(name).verbose_name) for name in fields
                )
                messages.warning(
                    request,
                    _(
                        "Needs review in %(language)s (the other language changed alone): "
                        "%(fields)s."
                    )
                    % {"language": code.upper(), "fields": labels},
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        setattr(obj, STILL_RIGHT, bool(form.cleaned_data.get(STILL_RIGHT)))
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Rows edited inside this form (a region's places to go) follow the same box.
        still_right = bool(form.cleaned_data.get(STILL_RIGHT))
        for row in formset.forms:
            setattr(row.instance, STILL_RIGHT, still_right)
        super().save_formset(request, form, formset, change)
