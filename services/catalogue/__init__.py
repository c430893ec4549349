"""The public side: the pages visitors read (views, the queries behind them, sitemaps,
structured data) and the render-time passes over editors' text (typography, tappable
numbers, glossary links, French collation).

Imports point down: models, languages, the page cache. Nothing here imports
`services.editorial` — a visitor's page never depends on the editors' tools.
"""
