"""Group ruby geometry (JLREQ §3.3, simplified).

A ruby group is set as one unbreakable unit. When the ruby is wider than its base, the base
characters are spread with the JLREQ 1:2:1 rule (¼ : ½ : ¼ of a unit before the first, between
characters, after the last), so the group is as wide as the ruby. When the base is wider, the
ruby characters are spread over the base with the same 1:2:1 rule. Ruby never changes the line
pitch: the composer only reports where the ruby is drawn.
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
