"""The only part of wardesk that imports spaCy: loads the English pipeline once per process,
adds wardesk's rule layers, and parses texts in batches."""

from wardesk.nlp.pipeline import load_pipeline, parse, parse_one

__all__ = ["load_pipeline", "parse", "parse_one"]
