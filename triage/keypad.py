"""The on-screen number pad, for screens with no keyboard (a clinic kiosk): nobody should need one.

The checker's age question shows it in place of a text box on such a screen
(templates/triage/keypad.html), and the kiosk's staff PIN pad reuses it. With
JavaScript each key updates the field in the page; without it, each key is a
submit button and the server works out the new entry here.
"""

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")
DELETE = "delete"
CLEAR = "clear"
ACTION_PREFIX = "key:"


def is_key_action(action: str) -> bool:
    return action.startswith(ACTION_PREFIX)


def press(entry: str, action: str, max_length: int) -> str:
    """The entry after pressing the key named by ``action`` (``key:7``, ``key:delete``...).

    Anything that is not a digit is dropped from ``entry`` first, so a tampered
    form cannot smuggle text through the pad.
    """
    digits = "".join(ch for ch in entry if ch in KEYS)[:max_length]
    key = action.removeprefix(ACTION_PREFIX)
    if key == DELETE:
        return digits[:-1]
    if key == CLEAR:
        return ""
    if key in KEYS and len(digits) < max_length:
        return digits + key
    return digits
