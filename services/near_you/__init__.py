"""« Près de chez toi / Near you »: the 17 regions and where to go in each (public side).

Views, structured data and the sitemap of the region pages. Reads only; nothing a visitor
does here is stored, and the only thing in the address is the region.
"""
