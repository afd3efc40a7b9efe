"""Stored results: one folder per run (Parquet tables and a JSON manifest)."""
