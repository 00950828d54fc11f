"""Widgets of the main window: the day grid view and its delegate, panels and banners."""
