"""The front desk's day screen: its summary and feedback wording, legend and shortcut list.

The main window (``gui/main_window.py``) composes these; each piece here is small enough to be
read and tested on its own.
"""
