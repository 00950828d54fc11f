"""The waitlist window: patients waiting for an earlier slot, and the offer of a freed slot."""
