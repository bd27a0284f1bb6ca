"""dyad.ingest"""
