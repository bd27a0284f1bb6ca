"""dyad.places"""
