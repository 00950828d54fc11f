"""The day grid: the front desk's day screen.

Its model and view, the session delegate that paints a session, the week overview, the details
panel, the summary and feedback wording, the legend and the shortcut list. The main window
(``gui/main_window.py``) composes these; each piece here is small enough to be read and tested
on its own.
"""
