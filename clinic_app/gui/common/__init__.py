"""What two or more screens share.

The safety panel and its finding and lab models, the patient picker and search, the export
dialog and PDF saving, the message and urgent result banners, stopped sessions, the live
changes bridge, and the row table model and table helpers every list builds on.
"""
