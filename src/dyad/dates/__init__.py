"""dyad.dates"""
