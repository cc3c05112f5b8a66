"""JAIPA Express: YAML newsletter issues → typeset Japanese PDF magazine and HTML archive.

Data flows one way: ``load`` (YAML → model with positions) → ``model`` (plain dataclasses)
→ renderers (``pdf``, ``site``) → ``post`` → ``build``.  The CLI is a thin shell over ``build``.
"""

__version__ = "0.1.0"
