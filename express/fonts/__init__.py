"""Fonts: which files are used for each role (mincho, gothic, …), and getting the defaults.

The lookup order lets a publisher drop licensed fonts into the project's ``fonts/`` folder;
by default the free BIZ UD Mincho / Gothic (SIL OFL) are fetched as Debian packages into
``.cache/fonts`` by ``make`` (``express fonts --provision``).
"""

from express.fonts.discovery import FontChoice, FontProblem, find_fonts, search_dirs

__all__ = ["FontChoice", "FontProblem", "find_fonts", "search_dirs"]
