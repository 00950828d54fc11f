"""Dialogs; each modal one has a ``@classmethod ask(...)`` that tests can replace."""
