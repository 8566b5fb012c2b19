from pytest_django.asserts import assertInHTML

from education.markdown import render_markdown


def test_markdown_renders_lists_and_subheadings():
    html = render_markdown("### A question\n\n- one\n- two")
    assertInHTML("<h3>A question</h3>", html)
    assertInHTML("<li>one</li>", html)


def test_script_tags_are_removed():
    html = render_markdown("Hello <script>alert('x')</script> there")
    assert "<script" not in html
    assert "alert" not in html


def test_event_handler_attributes_are_removed():
    html = render_markdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">hi</p>')
    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html


def test_javascript_links_lose_their_target():
    html = render_markdown("[click](javascript:alert(1))")
    assert "javascript:" not in html


def test_iframes_and_styles_are_removed():
    html = render_markdown('<iframe src="https://evil.example"></iframe><style>body{}</style>')
    assert "iframe" not in html
    assert "<style" not in html


def test_ordinary_links_are_kept():
    html = render_markdown("[NHS](https://www.nhs.uk/)")
    assertInHTML('<a href="https://www.nhs.uk/">NHS</a>', html)


def test_emergency_number_token_uses_the_clinic_number():
    assert "Call 999 now" in render_markdown("Call [emergency number] now", emergency_number="999")


def test_on_a_kiosk_links_off_the_site_become_plain_words():
    text = (
        "See [the NHS](https://www.nhs.uk/), [call us](tel:911), [mail](mailto:a@b.org), "
        "[sneaky](//evil.example/), [signs](#emergency-signs) and [sepsis](/conditions/sepsis/)."
    )
    html = render_markdown(text, site_links_only=True)
    assert "the NHS" in html and "call us" in html and "sneaky" in html
    assert "nhs.uk" not in html and "tel:" not in html and "mailto:" not in html
    assert "evil.example" not in html
    assert 'href="#emergency-signs"' in html
    assert 'href="/conditions/sepsis/"' in html


def test_off_a_kiosk_links_to_other_sites_stay_links():
    html = render_markdown("See [the NHS](https://www.nhs.uk/).")
    assert 'href="https://www.nhs.uk/"' in html
