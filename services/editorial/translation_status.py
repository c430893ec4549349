"""Which languages an object's visitor-facing text is incomplete in."""

from modeltranslation.translator import NotRegistered, translator

from services.languages import LANGUAGE_CODES, in_language


def translated_field_names(model):
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def missing_translations(obj):
    """{language code: [field names left empty]} for the languages with a gap."""
    fields = translated_field_names(type(obj))
    # A field empty in every language is simply unused (an optional field), not a gap.
    gaps = {}
    for name in fields:
        values = {code: in_language(obj, name, code) for code in LANGUAGE_CODES}
        if not any(values.values()):
            continue
        for code, value in values.items():
            if not (value or "").strip():
                gaps.setdefault(code, []).append(name)
    return gaps
