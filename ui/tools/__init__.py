"""Developer tools for the desktop (screenshots)."""
