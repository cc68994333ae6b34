"""A station named like markup (`<script>…`, `<img onerror=…>`) stays text on every page
that shows it: no dialog opens, no element is made from it, and the name reads literally."""
import pytest
from playwright.sync_api import expect

from helpers import CHECK_BUTTON, GOOD_FORM, HOSTILE_NAMES, SAMPLES, fill_new_form




def assert_stays_text(clerk, name):
    page = clerk.page
    # Literally visible, as typed.
    expect(page.get_by_text(name, exact=False).first).to_be_visible()
    # Not one element made from it.
    assert page.locator('img[src="x"]').count() == 0, "the name became an <img>"
    scripts = page.locator("script").evaluate_all("nodes => nodes.map(node => node.textContent)")
    assert not any("alert" in text for text in scripts), "the name became a <script>"
    assert clerk.dialogs == [], f"a dialog opened: {clerk.dialogs}"


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=["script", "img-onerror"])
def test_hostile_station_pasted_on_the_check_page_stays_text(clerk, name):
    """The lumphini sample as text with its station replaced by markup: the finding
    that quotes it and the form's own line show it as text."""
    text = (SAMPLES / "lumphini-r12.txt").read_text(encoding="utf-8").replace("สน.ลุมพินี", name)
    assert name in text
    clerk.go("/")
    clerk.page.locator('textarea[name="text"]').fill(text)
    clerk.page.get_by_role("button", name=CHECK_BUTTON).first.click()
    expect(clerk.page.locator("#verdict")).to_be_visible()
    assert_stays_text(clerk, name)
    expect(clerk.page.locator("ol.source")).to_contain_text(name)
    expect(clerk.page.locator('textarea[name="text"]')).to_have_value(text)


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=["script", "img-onerror"])
def test_hostile_station_typed_on_the_new_form_stays_text(clerk, name):
    """A whole form on /new whose station is markup, checked: the field keeps the value as
    typed, and the finding beside it (bad-unit, quoting the name) shows it as text."""
    clerk.go("/new")
    page = clerk.page
    fill_new_form(page, dict(GOOD_FORM, station=name))
    page.get_by_role("button", name=CHECK_BUTTON).first.click()
    expect(page.locator("#verdict")).to_be_visible()
    expect(page.locator("#station")).to_have_value(name)
    expect(page.locator("#field-station .field-findings")).to_contain_text(name)
    assert_stays_text(clerk, name)
    if name == HOSTILE_NAMES[0]:
        clerk.shot("new-hostile-station")
