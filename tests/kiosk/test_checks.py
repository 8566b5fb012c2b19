from kiosk.checks import check_kiosk_pin


def test_an_empty_pin_is_fine_because_kiosk_mode_is_simply_off(settings):
    settings.KIOSK_PIN = ""
    assert check_kiosk_pin(None) == []


def test_a_pin_of_digits_is_fine(settings):
    settings.KIOSK_PIN = "482913"
    assert check_kiosk_pin(None) == []


def test_a_pin_the_number_pad_cannot_type_is_an_error(settings):
    for bad in ("abcd", "12a4", "123", "1" * 13, "١٢٣٤"):
        settings.KIOSK_PIN = bad
        assert [error.id for error in check_kiosk_pin(None)] == ["kiosk.E001"]
