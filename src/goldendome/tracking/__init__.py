"""Tracking: batched filters, association, track initiation and fusion."""
