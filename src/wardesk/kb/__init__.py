"""The knowledge base: countries, demonyms, capitals and seats of power, intergovernmental
bodies, sector words and titles — kept as data files in ``kb/data`` and loaded once."""

from wardesk.kb.base import KnowledgeBase, load_kb

__all__ = ["KnowledgeBase", "load_kb"]
