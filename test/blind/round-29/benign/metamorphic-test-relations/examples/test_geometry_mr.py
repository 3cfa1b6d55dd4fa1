"""Metamorphic tests for polygon area / point-in-polygon helpers.

| MR | Relation | Exactness |
|----|----------|-----------|
| MR1 | rotate ring start vertex -> same area | rel 1e-12 |
| MR2 | reverse ring -> signed area negated | rel 1e-12 |
| MR3 | translate polygon and point -> containment unchanged | exact |
| MR4 | scale by s -> area scales by s^2 | rel 1e-9 |
"""
import math

from hypothesis import assume, given, strategies as st

from myapp.geometry import contains, signed_area  # the code under test

coord = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


@st.composite
def convex_ring(draw):
    # Points on a circle at sorted random angles form a simple convex polygon.
    n = draw(st.integers(3, 12))
    r = draw(st.floats(1, 100))
    cx, cy = draw(coord), draw(coord)
    angles = sorted(set(draw(st.lists(st.floats(0, 2 * math.pi, exclude_max=True), min_size=n, max_size=n))))
    assume(len(angles) >= 3)
    return [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in angles]


@given(ring=convex_ring(), k=st.integers(0, 11))
def test_mr1_start_vertex(ring, k):
    k %= len(ring)
    assert math.isclose(signed_area(ring), signed_area(ring[k:] + ring[:k]), rel_tol=1e-12)


@given(ring=convex_ring())
def test_mr2_orientation(ring):
    assert math.isclose(signed_area(ring[::-1]), -signed_area(ring), rel_tol=1e-12)


@given(ring=convex_ring(), px=coord, py=coord, dx=coord, dy=coord)
def test_mr3_translation(ring, px, py, dx, dy):
    moved = [(x + dx, y + dy) for x, y in ring]
    assert contains(ring, (px, py)) == contains(moved, (px + dx, py + dy))


@given(ring=convex_ring(), s=st.floats(0.01, 100))
def test_mr4_scaling(ring, s):
    scaled = [(x * s, y * s) for x, y in ring]
    assert math.isclose(signed_area(scaled), signed_area(ring) * s * s, rel_tol=1e-9)
