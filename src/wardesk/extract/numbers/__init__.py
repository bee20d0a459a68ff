"""Numbers: amounts in words and figures, and the counts they give (dead, injured...)."""

from wardesk.extract.numbers.quantities import find_quantities

__all__ = ['find_quantities']
