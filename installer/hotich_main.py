"""Entry script of the PyInstaller bundle: the same as the `hotich` console script.

Kept outside the packages so PyInstaller does not put desktop_app/ itself on the search path
(its module names, e.g. `errors`, would then also import as top-level modules).
"""

from desktop_app.app import entry

if __name__ == "__main__":
    entry()
