"""`{% memo "name" vary… %}…{% endmemo %}`: a fragment of content rendered once per content
version and language (orientation_site/render_memo.py), then reused by every request.

For the parts of a page made of content alone — the comparison's table, the glossary's
entries, an intervention's sections — whose rendering was most of an uncached page's time.
The page around them (frame, header, help lines, the current page's marks) is still rendered
on every request: this is not a page cache.

What goes inside must depend on nothing but the content, the language and the `vary` values
(each resolved in the template's context and part of the key): never on the request (its
path, host, session or user). A request that may not use memos (`memo_allowed`: an editor,
a preview) renders the fragment afresh and keeps nothing.
"""

from django import template

from orientation_site.render_memo import remember

register = template.Library()


class MemoNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist = nodelist
        self.name = name
        self.vary = vary

    def render(self, context):
        values = tuple(str(value.resolve(context)) for value in self.vary)

        def fragment(*_values):
            return self.nodelist.render(context)

        return remember(context.get("request"), f"fragment:{self.name}", fragment, *values)


@register.tag
def memo(parser, token):
    """`{% memo "name" [vary …] %}…{% endmemo %}`: `name`, a literal string naming the
    fragment; each `vary` a template variable whose value tells copies apart (an
    intervention's slug)."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError('Usage: {% memo "name" [vary …] %}')
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]])
