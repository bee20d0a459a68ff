"""Places: place names found in a Doc and placed with the gazetteer."""

from wardesk.extract.places.mentions import find_places

__all__ = ['find_places']
