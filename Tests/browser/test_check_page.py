"""`/`, the check page, as a station clerk uses it: upload a form, or paste one; see whether
it passes, each finding with its rule and line, and the form's own lines marked."""
import re

from playwright.sync_api import expect

from helpers import CHECK_BUTTON, SAMPLES, assert_security_headers, cli_verdict, form_lines, style_signature, thai


def open_check_page(clerk):
    response = clerk.go("/")
    assert response.status == 200
    return clerk.page


def test_check_page_offers_upload_and_paste_in_thai(clerk):
    """The empty check page: `lang="th"`, the security headers, the WEB.md fields (a file
    input `form`, a text area `text`) and a button starting with ตรวจ, all visible."""
    response = clerk.go("/")
    assert response.status == 200
    assert_security_headers(response.all_headers(), "GET /")
    page = clerk.page
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.locator('input[type="file"][name="form"]')).to_be_visible()
    expect(page.locator('textarea[name="text"]')).to_be_visible()
    expect(page.get_by_role("button", name=CHECK_BUTTON)).to_be_visible()
    clerk.shot("check")


def test_uploaded_rejected_form_shows_each_rule_at_its_line(clerk, pipeline):
    """yala-r6.txt (a province outside its bureau, 29 Feb 2564): the page says not passed,
    lists each finding of the CLI's verdict with its rule, line and both messages, and marks
    those lines of the form itself, visibly, with their rule."""
    form = SAMPLES / "yala-r6.txt"
    verdict, _ = cli_verdict(pipeline, form)
    assert not verdict["accepted"] and verdict["findings"]
    lines = form_lines(form)
    page = open_check_page(clerk)
    page.locator('input[type="file"][name="form"]').set_input_files(str(form))
    page.get_by_role("button", name=CHECK_BUTTON).click()

    expect(page.locator("#verdict")).to_contain_text("ไม่ผ่าน")
    expect(page.locator("#verdict")).to_contain_text("yala-r6.txt")
    rows = page.locator("table.findings tbody tr")
    expect(rows).to_have_count(len(verdict["findings"]))
    for index, finding in enumerate(verdict["findings"]):
        row = rows.nth(index)
        expect(row).to_contain_text(finding["rule"])
        expect(row).to_contain_text(finding["message_th"])
        if clerk.viewport == "desktop":  # the phone layout leaves the English column out
            expect(row).to_contain_text(finding["message_en"])
        line = finding["line"]
        assert line is not None, f"{finding['rule']} has no line in the sample"
        expect(row.locator("td").first).to_have_text(thai(line))

        marked = page.locator(f"#line-{line}")
        expect(marked).to_contain_text(lines[line - 1])
        expect(marked).to_contain_text(finding["rule"])
        unmarked = page.locator("#line-1")  # the title line: no finding
        expect(unmarked).not_to_contain_text(finding["rule"])
        assert style_signature(marked) != style_signature(unmarked), f"line {line} is not marked visibly"
    clerk.shot("check-rejected")

    # The line number in the findings table leads to the line in the form.
    first = verdict["findings"][0]["line"]
    rows.first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(f"#line-{first}$"))
    expect(page.locator(f"#line-{first}")).to_be_in_viewport()


def test_pasted_form_is_checked_and_its_record_shown(clerk, pipeline):
    """lumphini-r12.txt pasted into the text area: passed, its alias warning listed, the
    record's level ๕, score ๑๐๐ and target ขั้นสูง shown, and the text kept in the area."""
    form = SAMPLES / "lumphini-r12.txt"
    verdict, status = cli_verdict(pipeline, form)
    assert status == 0 and verdict["record"]["target"] == "advanced"
    text = form.read_text(encoding="utf-8")
    page = open_check_page(clerk)
    page.locator('textarea[name="text"]').fill(text)
    page.get_by_role("button", name=CHECK_BUTTON).click()

    expect(page.locator("#verdict")).to_contain_text("ผ่าน")
    expect(page.locator("#verdict")).not_to_contain_text("ไม่ผ่าน")
    rows = page.locator("table.findings tbody tr")
    expect(rows).to_have_count(len(verdict["findings"]))
    for index, finding in enumerate(verdict["findings"]):
        expect(rows.nth(index)).to_contain_text(finding["rule"])
        expect(rows.nth(index)).to_contain_text(finding["message_th"])
    record = page.locator("section.record")
    expect(record).to_contain_text(verdict["record"]["station"])
    expect(record).to_contain_text(f"{thai(5)} (level 5)")
    expect(record).to_contain_text(f"{thai(100)} (100)")
    expect(record).to_contain_text("ขั้นสูง")
    expect(page.locator('textarea[name="text"]')).to_have_value(text)
    clerk.shot("check-accepted")


def test_empty_check_is_refused_in_thai_and_english(clerk):
    """ตรวจ with no file and no text: a 400 page that says, Thai first, to choose a file or
    paste the text, with the form still there to do it."""
    page = open_check_page(clerk)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name=CHECK_BUTTON).click()
    assert answer.value.status == 400
    expect(page.locator("#problem")).to_contain_text("ไม่มีแบบรายงาน")
    expect(page.locator("#problem")).to_contain_text("No form was sent")
    expect(page.locator('textarea[name="text"]')).to_be_visible()
    clerk.shot("check-empty")


# Families from fonts-thai-tlwg that Chromium draws Thai with correctly. Not "Tlwg Mono":
# Chromium sets its vowel and tone marks beside their letters (ตัวชี้วัด reads ตวัชวี้ดั).
THAI_FONTS = {"Loma", "Garuda", "Kinnari", "Norasi", "Sawasdee", "Umpush", "Waree", "Laksaman", "Purisa",
              "Tlwg Typo", "TlwgTypo", "Tlwg Typist", "TlwgTypist", "Tlwg Typewriter", "TlwgTypewriter"}


def test_thai_text_is_drawn_with_thai_system_fonts(clerk):
    """Each kind of Thai text on a result (headline, finding, record, the form's own line)
    is drawn with a Thai font of the system, and never with Tlwg Mono, as Chromium reports
    the fonts it used. (A symbol such as ✘ may come from another font: those have no Thai.)"""
    page = open_check_page(clerk)
    page.locator('input[type="file"][name="form"]').set_input_files(str(SAMPLES / "yala-r6.txt"))
    page.get_by_role("button", name=CHECK_BUTTON).click()
    expect(page.locator("#verdict")).to_be_visible()
    session = clerk.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("#verdict h1", "table.findings td[lang=th]", "section.record td", "#line-2 .text",
                     'label[for="form-text"]'):
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no {selector} on the page"
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        families = {font["familyName"] for font in fonts}
        assert families & THAI_FONTS, f"{selector} is drawn with {families}: no Thai font"
        assert not families & {"TlwgMono", "Tlwg Mono"}, f"{selector} is drawn with Tlwg Mono"
