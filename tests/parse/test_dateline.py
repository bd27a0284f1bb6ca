"""Datelines: found, blanked without moving offsets, and not mistaken for sentences."""

from __future__ import annotations

import pytest

from dyad.parse import find_dateline, mask_dateline


@pytest.mark.parametrize(
    "text, place",
    [
        ("MOSCOW: The general said", "MOSCOW"),
        ("WASHINGTON (Reuters) - The US", "WASHINGTON"),
        ("KABUL, Afghanistan — Taliban fighters", "KABUL"),
        ("PARIS, Dec. 15 (AFP) -- France", "PARIS"),
        ("ISLAMABAD/PENTAGON — A plane", "ISLAMABAD"),
        ("UNITED NATIONS — The council", "UNITED NATIONS"),
    ],
)
def test_dateline_found(text, place):
    dl = find_dateline(text)
    assert dl is not None
    assert text[dl.span[0]:dl.span[1]] == place


@pytest.mark.parametrize("text", ["The president said", "US President Trump said", "NATO allies met on Monday."])
def test_dateline_absent(text):
    assert find_dateline(text) is None


def test_dateline_mask_keeps_offsets():
    text = "GENEVA — UN envoys met."
    masked, dl = mask_dateline(text)
    assert len(masked) == len(text) and masked.endswith("UN envoys met.")
    assert masked[: dl.end].strip() == ""
