"""Door mode: the usher's full-screen ticket scanner (issue 13 point 2)."""
