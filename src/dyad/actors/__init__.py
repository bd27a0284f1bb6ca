"""dyad.actors"""
