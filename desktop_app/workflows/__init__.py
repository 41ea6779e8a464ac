"""Use cases: one function each, dependencies explicit, role checks inside."""
