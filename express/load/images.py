"""Image references: inside the issue's folder, present, readable, JPEG or PNG.

Paths are relative to the issue's folder.  Absolute paths, ``..`` and symlinks that lead
out of the folder are refused, so an issue folder is self-contained and safe to publish.
"""

from __future__ import annotations

import os

import yaml

from express.load.values import Reader
from express.model.articles import Image

_MAGIC = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG"}


def read_image(r: Reader, node: yaml.Node, what: str) -> Image | None:
    ref = r.text_value(node, what)
    if ref is None:
        return None
    ref_s = str(ref).strip()
    if os.path.isabs(ref_s) or ref_s.startswith(("/", "\\")) or ":" in ref_s.split("/")[0]:
        r.error(node, "image.absolute", ref=ref_s)
        return None
    parts = ref_s.replace("\\", "/").split("/")
    if ".." in parts:
        r.error(node, "image.outside", ref=ref_s)
        return None
    folder = os.path.realpath(r.folder)
    full = os.path.join(r.folder, *parts)
    real = os.path.realpath(full)
    if os.path.commonpath([folder, real]) != folder:
        r.error(node, "image.outside", ref=ref_s)
        return None
    if not os.path.exists(full):
        r.error(node, "image.missing", ref=ref_s)
        return None
    if not os.path.isfile(real):
        r.error(node, "image.not_file", ref=ref_s)
        return None
    try:
        with open(real, "rb") as f:
            head = f.read(8)
    except OSError as exc:
        r.error(node, "image.unreadable", ref=ref_s, reason=exc.strerror or str(exc))
        return None
    if not any(head.startswith(m) for m in _MAGIC):
        r.error(node, "image.format", ref=ref_s)
        return None
    return Image(r.pos(node), ref=ref_s, path=real)
