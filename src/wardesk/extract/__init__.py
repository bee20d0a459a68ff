"""Turning a parsed Doc into the record of SCHEMA.md.

Each subpackage is one stage with one job, and ``wardesk.pipeline`` wires them in order:

    actors → time, places, numbers → speech (statements) → events → story → positions → tone

The stages meet through the tables defined in ``layers``. Beneath them: ``grammar`` holds the
syntax tests over the parse (passive, conditional clauses, subjects, noun phrases) and the
dependency label sets; ``lexicon`` is the one loader of the vocabularies in ``data/<language>/``;
event types and their properties come from ``wardesk.event_types``; the event rules are the rows
of ``events.rules``.
"""
