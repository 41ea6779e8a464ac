"""Bundled fonts (Noto Sans subset to Latin + Vietnamese, SIL OFL 1.1: see OFL.txt)."""
