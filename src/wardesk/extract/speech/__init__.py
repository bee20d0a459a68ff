"""Speech: quotes, reported speech and the statements built from them."""

from wardesk.extract.speech.statements import StatementIndex, find_statements

__all__ = ['StatementIndex', 'find_statements']
