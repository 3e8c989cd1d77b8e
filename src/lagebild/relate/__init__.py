"""relate stage."""
