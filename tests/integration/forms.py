"""Read an HTML form's current values, as a browser would submit them."""

from html.parser import HTMLParser

TEXT_INPUTS = {"", "text", "hidden", "number", "date", "url", "email", "password", "tel", "search"}


class FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []  # (name, value) pairs, in order; names may repeat
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "").lower()
            if kind in TEXT_INPUTS:
                self.fields.append((name, attrs.get("value") or ""))
            elif kind in {"checkbox", "radio"} and "checked" in attrs:
                self.fields.append((name, attrs.get("value") or "on"))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            value = self._textarea[1]
            # A browser drops the newline right after <textarea>.
            self.fields.append((self._textarea[0], value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def form_values(html, form_id):
    reader = FormReader(form_id)
    reader.feed(html)
    return reader.fields
