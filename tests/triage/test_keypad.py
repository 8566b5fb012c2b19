"""The on-screen number pad: what each key does to the entry when pressed without JavaScript."""

import pytest

from triage.keypad import is_key_action, press


def test_a_digit_key_adds_its_digit_to_the_end():
    assert press("", "key:4", 3) == "4"
    assert press("4", "key:5", 3) == "45"
    assert press("45", "key:0", 3) == "450"


@pytest.mark.parametrize("digit", list("0123456789"))
def test_every_digit_key_works(digit):
    assert press("1", f"key:{digit}", 3) == "1" + digit


def test_delete_removes_the_last_digit():
    assert press("456", "key:delete", 3) == "45"
    assert press("4", "key:delete", 3) == ""


def test_delete_on_an_empty_entry_leaves_it_empty():
    assert press("", "key:delete", 3) == ""


def test_clear_empties_the_entry():
    assert press("456", "key:clear", 3) == ""
    assert press("", "key:clear", 3) == ""


def test_a_digit_past_the_maximum_length_is_ignored():
    assert press("120", "key:7", 3) == "120"
    assert press("246824682468", "key:1", 12) == "246824682468"


def test_an_entry_longer_than_allowed_is_cut_to_the_maximum():
    assert press("12345", "key:delete", 3) == "12"
    assert press("12345", "key:9", 3) == "123"


def test_anything_that_is_not_a_digit_is_dropped_from_the_entry():
    assert press("4a5", "key:6", 3) == "456"
    assert press("<script>1</script>", "key:2", 3) == "12"
    assert press(" 4 5 ", "key:delete", 3) == "4"
    assert press("-3", "key:0", 3) == "30"


def test_unicode_digits_from_other_scripts_are_not_digits_here():
    assert press("٤٥", "key:1", 3) == "1"  # Arabic-Indic four and five
    assert press("４５", "key:1", 3) == "1"  # full-width four and five


@pytest.mark.parametrize(
    "action", ["", "key:", "key:x", "key:10", "key:-1", "key:٤", "key:DELETE", "next"]
)
def test_an_unknown_action_leaves_the_entry_as_it_was(action):
    assert press("45", action, 3) == "45"


def test_an_unknown_action_still_drops_junk_from_the_entry():
    assert press("4x5", "explode", 3) == "45"


def test_only_actions_named_key_are_key_presses():
    assert is_key_action("key:7")
    assert is_key_action("key:delete")
    assert not is_key_action("next")
    assert not is_key_action("back")
    assert not is_key_action("change:age")
    assert not is_key_action("")
