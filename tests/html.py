"""A tiny reader for the HTML the site sends: tags with their attributes, and text."""

from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


class Page:
    def __init__(self, html):
        collector = _Collector()
        collector.feed(html)
        self.tags = collector.tags
        self.text = " ".join(" ".join(collector.text).split())

    def find_all(self, tag, **attrs):
        return [
            found
            for name, found in self.tags
            if name == tag and all(found.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def find(self, tag, **attrs):
        matches = self.find_all(tag, **attrs)
        return matches[0] if matches else None


def page(response):
    return Page(response.content.decode())
