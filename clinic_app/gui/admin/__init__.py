"""Administration screens: users and the audit log."""
