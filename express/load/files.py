"""Files an issue refers to (pictures, a back issue's PDF): inside the issue's folder.

Paths are relative to the issue's folder.  Absolute paths, ``..`` and symlinks that lead
out of the folder are refused, so an issue folder is self-contained and safe to publish.
"""

from __future__ import annotations

import os

import yaml

from express.load.values import Reader


def file_in_folder(r: Reader, node: yaml.Node, what: str, codes: str
                   ) -> tuple[str, str, bytes] | None:
    """The reference as written, the file's real path and its first 1024 bytes, or None
    after an error (``codes``: the message family, ``image`` or ``pdf``)."""
    ref = r.text_value(node, what)
    if ref is None:
        return None
    ref_s = str(ref).strip()
    if os.path.isabs(ref_s) or ref_s.startswith(("/", "\\")) or ":" in ref_s.split("/")[0]:
        r.error(node, f"{codes}.absolute", ref=ref_s)
        return None
    parts = ref_s.replace("\\", "/").split("/")
    if ".." in parts:
        r.error(node, f"{codes}.outside", ref=ref_s)
        return None
    folder = os.path.realpath(r.folder)
    full = os.path.join(r.folder, *parts)
    real = os.path.realpath(full)
    if os.path.commonpath([folder, real]) != folder:
        r.error(node, f"{codes}.outside", ref=ref_s)
        return None
    if not os.path.exists(full):
        r.error(node, f"{codes}.missing", ref=ref_s)
        return None
    if not os.path.isfile(real):
        r.error(node, f"{codes}.not_file", ref=ref_s)
        return None
    try:
        with open(real, "rb") as f:
            head = f.read(1024)
    except OSError as exc:
        r.error(node, f"{codes}.unreadable", ref=ref_s, reason=exc.strerror or str(exc))
        return None
    return ref_s, real, head
