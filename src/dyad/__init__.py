"""dyad: dated news articles in, evidenced CAMEO/PLOVER political events out."""

__version__ = "0.1.0"
