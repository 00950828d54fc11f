"""Capacity benchmark (issue 14): referrals booked through the real booking service."""
