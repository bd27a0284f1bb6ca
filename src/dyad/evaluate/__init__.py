"""dyad.evaluate"""
