"""Submit an admin change form as a browser would: every current value, plus changes."""

from django.urls import reverse


def _value(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    return value


def current_form_data(response):
    """The POST data an unchanged save of this admin change form would send."""
    context = response.context
    data = {}
    form = context["adminform"].form
    for name in form.fields:
        value = _value(form[name])
        if value != "":
            data[name] = value
    try:
        inlines = context["inline_admin_formsets"]
    except KeyError:  # simple-history's "revert" form has no inlines
        inlines = []
    for inline in inlines:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for subform in formset.forms:
            for name in subform.fields:
                value = _value(subform[name])
                if value != "":
                    data[subform.add_prefix(name)] = value
    return data


def change(obj):
    """The admin change page of `obj`."""
    return reverse(f"admin:services_{obj._meta.model_name}_change", args=[obj.pk])


def form_data(client, obj):
    """The change form of `obj` as `client` sees it, ready to post back."""
    response = client.get(change(obj))
    assert response.status_code == 200
    return current_form_data(response)
