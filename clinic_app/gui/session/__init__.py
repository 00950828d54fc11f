"""The session screens: login, first administrator and the idle lock."""
