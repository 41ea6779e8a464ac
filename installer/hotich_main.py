"""Entry script of the PyInstaller bundle: the same as the `hotich` console script.

Kept outside the packages so PyInstaller does not put desktop_app/ itself on the search path
(its module names, e.g. `errors`, would then also import as top-level modules).
"""

import multiprocessing

if __name__ == "__main__":
    # A bulk import prepares its rows in a second process (spawned: the bundle runs itself
    # again for it); freeze_support lets the bundle's executable be that process, before
    # this script imports the command line, which that process does not need.
    multiprocessing.freeze_support()
    from desktop_app.app import entry

    entry()
