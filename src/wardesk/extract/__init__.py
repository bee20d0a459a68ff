"""Turning a parsed Doc into the record of SCHEMA.md.

Each module is one stage with one job (actors, time, places, quantities, statements, events,
modality, positions, tone); the stages never import each other's internals — they meet only
through the tables defined in ``layers`` — and ``wardesk.pipeline`` wires them in order:

    actors → dates, places → statements → events → positions → tone
"""
