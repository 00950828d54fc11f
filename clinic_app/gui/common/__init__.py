"""Widgets and dialogs two or more screens share (urgent result banner, stopped sessions)."""
