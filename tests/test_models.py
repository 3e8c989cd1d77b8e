"""The shared data model's helpers."""

from lagebild.models import content_id, is_state_code


def test_a_state_code_is_an_iso_code_not_an_acronym_of_three_letters() -> None:
    assert is_state_code("RUS") and is_state_code("XKX")
    assert not any(is_state_code(c) for c in ("EU", "NATO", "WHO", "IMF", "HRW", "ARL", None))


def test_the_content_id_depends_on_title_and_body_only() -> None:
    assert content_id("T", "Body") == content_id("T", "Body")
    assert content_id("T", "Body") != content_id("T", "Body.")
    assert content_id(None, "Body") == content_id("", "Body")
