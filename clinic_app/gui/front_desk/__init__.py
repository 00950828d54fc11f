"""The main window's parts, one per seam; ``gui/main_window.py`` composes them.

- ``actions``: how an action is made (text, keys, icon, tip) in the window's translation
  context.
- ``navigation``: the day shown, the day and week tabs, loading a day into the grid.
- ``booking_paths``: new bookings and series, moves (the Move dialog, drag and drop).
- ``session_commands``: the selected session's status changes and their menu, cancelling,
  the letters, the grid's context menu, and which of these the service allows now.
- ``tool_windows``: the windows opened beside the main window (patients, results list,
  audit trail, users).
- ``feedback``: the banner above the grid and the status bar.
- ``menus``: the menu bar, the toolbar, the Reports menu (rebuilt for each user) and the
  details dock.
"""
