"""Lines of a large file: the offset where each line starts, and the line of each offset, counted in chunks."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_encode.validate import excerpt
from tei_encode.validate.excerpt import Lines

TEXT = st.lists(st.text(alphabet="ab <>\u00e9", max_size=12), min_size=1, max_size=40).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, chunk=st.sampled_from([1, 2, 7, 64, 4 * 1024 * 1024]))
def test_each_line_starts_where_the_text_says(text: str, chunk: int) -> None:
    data = text.encode()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(excerpt, "_CHUNK", chunk)
        lines = Lines(io.BytesIO(data), len(data))
        starts = [0] + [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]
        for number in [*range(len(starts), 0, -1), *range(1, len(starts) + 1)]:  # backwards, then forwards
            assert lines.start_of(number) == starts[number - 1]
            assert lines.line_of(starts[number - 1]) == number
        assert lines.start_of(len(starts) + 1) == len(data)
