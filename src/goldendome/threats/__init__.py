"""Threats: ballistic missiles (boost, post-boost, midcourse, reentry), their shaping and
targeting, and reconstructions of published test flights."""
