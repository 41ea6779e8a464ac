"""The in-app user guide (F1): the officers' documentation of docs/guide/, its search, and
the window that shows it."""
