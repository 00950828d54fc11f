"""The reports screen: the reports menu and the chair utilisation view."""
