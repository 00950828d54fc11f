"""The check-in gate in the GUI: what a nurse sees when arrived / in chair is refused."""
