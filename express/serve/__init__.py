"""``express serve``: preview the archive site, rebuilt and reloaded on every save.

``session`` runs it, ``watch`` and ``plan`` turn saves into rebuilds, ``server`` and
``pages`` serve build/site with the reload script and the errors of a failed build added.
"""

from express.serve.session import Preview

__all__ = ["Preview"]
