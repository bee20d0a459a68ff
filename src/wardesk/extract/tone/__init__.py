"""Tone: loaded and evaluative terms outside quotes."""

from wardesk.extract.tone.score import score_tone

__all__ = ['score_tone']
