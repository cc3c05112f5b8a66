"""Image references: inside the issue's folder (see ``files.py``), JPEG or PNG."""

from __future__ import annotations

import yaml

from express.load.files import file_in_folder
from express.load.values import Reader
from express.model.articles import Image

_MAGIC = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


def read_image(r: Reader, node: yaml.Node, what: str) -> Image | None:
    found = file_in_folder(r, node, what, "image")
    if found is None:
        return None
    ref, real, head = found
    if not any(head.startswith(m) for m in _MAGIC):
        r.error(node, "image.format", ref=ref)
        return None
    return Image(r.pos(node), ref=ref, path=real)
