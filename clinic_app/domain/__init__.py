"""Pure domain layer: catalog, exposures, rules, lab planning, slot finding.

Nothing here imports Qt or SQLAlchemy (a test enforces it). Dataclasses in, findings out.
"""
