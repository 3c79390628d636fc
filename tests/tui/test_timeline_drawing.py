"""How the timeline draws its lines and its scrollbar: every line exactly as wide as the widget, and the
scrollbar drawn again only when its thumb moves."""
from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style
from textual.geometry import Size
from textual.scrollbar import ScrollBarRender

from tui.widgets.timeline import Columns, Timeline, _thumb_eighth

TEXTS = st.text(alphabet=st.sampled_from("ab 中…é"), max_size=60)


@given(width=st.integers(1, 240), texts=st.lists(TEXTS, min_size=5, max_size=5), mark=st.sampled_from(" ~"))
def test_every_line_is_as_wide_as_the_widget(width, texts, mark):
    cells = [(text, Style()) for text in texts]
    strip = Timeline._strip(Columns.fit(width), cells, width, Style(), mark)
    assert strip.cell_length == width
    assert sum(cell_len(segment.text) for segment in strip) == width


def test_the_columns_fill_a_line_of_usual_width_exactly():
    for width in range(24, 241):  # narrower, the event text keeps one cell and the line is cut
        assert Columns.fit(width).width == width


def bar_drawing(size: int, virtual: int, window: int, position: float) -> list:
    # as ScrollBar passes them: no window when it shows everything
    return list(ScrollBarRender.render_bar(size=size, virtual_size=virtual, window_size=window if window < virtual
                                           else 0, position=position).segments)


@given(size=st.integers(1, 60), window=st.integers(1, 60), virtual=st.integers(1, 2_000_000),
       at=st.floats(0, 1), step=st.floats(0, 0.5))
def test_the_thumb_is_drawn_alike_wherever_its_eighth_of_a_cell_is_the_same(size, window, virtual, at, step):
    bar = SimpleNamespace(size=Size(1, size), window_virtual_size=virtual, window_size=window)
    rows_per_cell = virtual / size
    first = int(at * max(0, virtual - window))  # and a position up to half a cell's rows on
    second = min(first + int(step * rows_per_cell), max(0, virtual - window))
    if _thumb_eighth(bar, first) == _thumb_eighth(bar, second):
        assert bar_drawing(size, virtual, window, first) == bar_drawing(size, virtual, window, second)


def test_a_page_down_over_a_million_rows_leaves_the_thumb_where_it_is_drawn():
    bar = SimpleNamespace(size=Size(1, 30), window_virtual_size=1_000_000, window_size=30)
    assert _thumb_eighth(bar, 30_000) == _thumb_eighth(bar, 30_029)
    assert _thumb_eighth(bar, 30_000) != _thumb_eighth(bar, 60_000)
