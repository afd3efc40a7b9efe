"""Engagement: weapon-target assignment, battle management and layered leakage."""
