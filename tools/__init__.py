"""Developer tools (not shipped): the rule mutation run, revision fixtures, screenshots."""
