"""Case data of the course, shipped inside the wheel as the package ``coursekit._data``.

This folder holds the case CSVs, their data dictionary (``README.md``) and the
generator (``generate.py``). ``pyproject.toml`` maps it to ``coursekit._data`` so
that ``coursekit.datasets`` reads the files through :mod:`importlib.resources`
in an editable install and in a normal wheel alike. Nothing to import here.
"""
