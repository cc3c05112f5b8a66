"""Group ruby geometry (JLREQ §3.3, simplified).

A ruby group is set as one unbreakable unit. When the ruby is wider than its base, the base
characters are spread with the JLREQ 1:2:1 rule (¼ : ½ : ¼ of a unit before the first, between
characters, after the last), so the group is as wide as the ruby. When the base is wider, the
ruby characters are spread over the base with the same 1:2:1 rule. Ruby never changes the line
pitch: the composer only reports where the ruby is drawn.

A group never gets narrower than its ruby, at the line edges neither: at the line head its
base is spread 0:2:1 (flush with the head, as the ruby is), at the line end 1:2:0, so a ruby
never runs into the next group's ruby nor past the line. (The ruby does not overhang the
neighbouring characters anywhere: a ruby on the next character may be just there.)
"""

from __future__ import annotations


def base_spread(base_width: float, ruby_width: float, n_base: int) -> tuple[float, float]:
    """(pad at each group edge, extra space between base characters) for a base of n_base chars."""
    extra = ruby_width - base_width
    if extra <= 0 or n_base <= 0:
        return 0.0, 0.0
    unit = extra / n_base
    return unit / 2, unit


def ruby_placement(
    group_left: float, group_width: float, ruby_width: float, n_ruby: int
) -> tuple[float, float]:
    """(x, char_space) of the ruby run over a group starting at group_left."""
    if n_ruby <= 0:
        return group_left, 0.0
    spare = group_width - ruby_width
    if spare <= 0:
        return group_left + spare / 2, 0.0
    unit = spare / n_ruby
    return group_left + unit / 2, unit


def edge_spread(pad: float, n_base: int, head: bool, tail: bool) -> tuple[float, float, float]:
    """(before the first, between characters, after the last) base padding of a group whose
    ruby is wider than its base (``base_spread`` gave ``pad``) when it starts (``head``) or
    ends (``tail``) a line: the padding on that side goes to the others, in the 1:2:1
    proportions (0:2:1, 1:2:0; 0:1:0 for a group filling the line), so the group keeps the
    ruby's width and its base is flush with the line edge. A one-character base filling a
    line keeps 1:2:1."""
    extra = 2 * pad * n_base
    if head and tail:
        if n_base == 1:
            return pad, 0.0, pad
        return 0.0, extra / (n_base - 1), 0.0
    unit = extra / (2 * n_base - 1)
    if head:
        return 0.0, 2 * unit, unit
    if tail:
        return unit, 2 * unit, 0.0
    return pad, 2 * pad, pad
