"""The editor-extendable 表記ゆれ rules (templates/lint/hyouki.yaml; its comments describe
the format), read with positions so a mistake in the file is reported at its line."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from express.diagnostics import Diagnostics
from express.load.yaml_source import pos_of, read_file
from express.model.derive import name_key

KEYS = ("variants", "company_types")


@dataclass(frozen=True)
class Rules:
    variants: tuple[tuple[str, ...], ...] = ()
    company_types: tuple[tuple[str, ...], ...] = ()

    @cached_property
    def _type_forms(self) -> tuple[str, ...]:
        """Every company-type form, width-normalised, longest first."""
        return tuple(sorted({unicodedata.normalize("NFKC", f) for g in self.company_types
                             for f in g}, key=len, reverse=True))

    def company_core(self, name: str) -> str:
        """A company's name without spaces, widths or its company-type form:
        株式会社ABC, ABC（株） and ＡＢＣ株式会社 all give ABC."""
        core = name_key(name)
        for form in self._type_forms:
            core = core.replace(form, "")
        return core


def load_rules(path: Path, shown: str, diags: Diagnostics) -> Rules:
    """The rules in ``path`` (none when the file is absent); problems go to ``diags`` and
    the groups that are well-formed are kept."""
    if not path.exists():
        return Rules()
    source = read_file(path, shown, diags)
    if source is None:
        return Rules()
    root = source.root
    if not isinstance(root, yaml.MappingNode):
        diags.error(pos_of(shown, root), "lint.rules_not_mapping", keys=", ".join(KEYS))
        return Rules()
    groups: dict[str, list[tuple[str, ...]]] = {key: [] for key in KEYS}
    seen: dict[str, int] = {}  # form → line of its group
    for key_node, value in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in groups:
            diags.error(pos_of(shown, key_node), "lint.rules_unknown_key", key=key,
                        keys=", ".join(KEYS))
            continue
        if not isinstance(value, yaml.SequenceNode):
            diags.error(pos_of(shown, value), "lint.rules_bad_group", key=key)
            continue
        for group in value.value:
            forms = _group(group)
            if forms is None:
                diags.error(pos_of(shown, group), "lint.rules_bad_group", key=key)
                continue
            for node, form in zip(group.value, forms, strict=True):
                if form in seen:
                    diags.error(pos_of(shown, node), "lint.rules_repeated_form", form=form,
                                other=seen[form])
                    break
            else:
                line = pos_of(shown, group).line
                seen.update((form, line) for form in forms)
                groups[key].append(forms)
    return Rules(tuple(groups["variants"]), tuple(groups["company_types"]))


def _group(node: yaml.Node) -> tuple[str, ...] | None:
    """The forms of a well-formed group: two or more non-empty distinct strings."""
    if not isinstance(node, yaml.SequenceNode) or len(node.value) < 2:
        return None
    if not all(isinstance(n, yaml.ScalarNode) and n.value.strip() for n in node.value):
        return None
    forms = tuple(n.value.strip() for n in node.value)
    return forms if len(set(forms)) == len(forms) else None
