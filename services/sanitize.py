"""The small set of formatting editors may use in rich-text fields; everything else goes."""

import nh3

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang"}, "blockquote": {"lang"}, "p": {"lang"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel", "sms"}


def clean_html(html):
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
