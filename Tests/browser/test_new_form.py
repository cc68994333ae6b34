"""`/new` and `/submissions/RECEIPT`: a clerk makes a form from empty fields, sees the
findings beside the fields, fixes them, downloads the XML (which `pipeline validate`
accepts), sends it, and watches its page turn accepted."""
import json
import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from helpers import CHECK_BUTTON, GOOD_FORM, RECEIPT_URL, SAMPLES, cli_verdict, fill_new_form, thai

ACCEPTED_TEXT = "✔ รับแล้ว — แบบรายงานผ่านการตรวจและบันทึกแล้ว"
REJECTED_TEXT = "✘ ไม่รับ — ต้องแก้แบบรายงานแล้วส่งใหม่"
DUPLICATE_TEXT = "= ซ้ำ — ไฟล์นี้เหมือนกับที่เคยส่งมาแล้วทุกไบต์ ไม่นับซ้ำ"
STATUS_DEADLINE_S = 60  # the watcher takes the file; a debug build on a busy machine


def field_findings(page, field):
    """The findings listed beside one field of /new (`station`, `step2` …)."""
    return page.locator(f"#field-{field} .field-findings")


def wait_for_status(clerk, receipt, text):
    """Reloads the status page until its headline says `text`, within the deadline: the page
    has no script, so a clerk reloads it. Each look is Playwright's auto-waiting `expect`
    (up to a second per reload), never a sleep."""
    page = clerk.page
    headline = page.locator("section.verdict h1")
    deadline = time.monotonic() + STATUS_DEADLINE_S
    while True:
        try:
            expect(headline).to_contain_text(text, timeout=1_000)
            return
        except AssertionError:
            if time.monotonic() > deadline:
                raise AssertionError(f"/submissions/{receipt} did not show {text!r} within "
                                     f"{STATUS_DEADLINE_S} s; it shows {headline.inner_text()!r}") from None
            page.reload()


def test_clerk_makes_fixes_downloads_and_sends_a_form(clerk, pipeline, tmp_path):
    """The clerk's whole path on /new: empty fields checked (each missing one said), a wrong
    date fixed (the finding beside its field), the XML downloaded (accepted by `pipeline validate`), the
    form sent, and its status page turning accepted, as the API says too."""
    page = clerk.page
    # Evidence naming the viewport: the two runs send different bytes (the same bytes again
    # would rightly be a duplicate).
    good = dict(GOOD_FORM, steps=[(GOOD_FORM["steps"][0][0], f"{GOOD_FORM['steps'][0][1]} ({clerk.viewport})"),
                                  GOOD_FORM["steps"][1]])
    assert clerk.go("/new").status == 200
    expect(page.locator("html")).to_have_attribute("lang", "th")
    for button in (CHECK_BUTTON, "ดาวน์โหลด XML", "ส่งแบบรายงาน"):
        expect(page.get_by_role("button", name=button)).to_be_visible()
    clerk.shot("new")

    # 1. ตรวจ on the empty fields: rejected, and what is missing is said beside its field.
    page.get_by_role("button", name=CHECK_BUTTON).click()
    expect(page.locator("#verdict")).to_contain_text("ไม่ผ่าน")
    for missing in ("หน่วยปฏิบัติ", "สังกัด", "วันที่รายงาน"):  # station, bureau, report date
        expect(page.locator(".field-findings li", has_text="missing-field").filter(has_text=missing)).to_be_visible()
    clerk.shot("new-empty-checked")

    # 2. The fields filled, but step 2 dated 29 Feb 2564 (no such day): one finding, beside step 2.
    wrong = dict(good, steps=[good["steps"][0], ("๒๙ ก.พ. ๒๕๖๔", "")])
    fill_new_form(page, wrong)
    page.get_by_role("button", name=CHECK_BUTTON).click()
    expect(page.locator("#verdict")).to_contain_text("ไม่ผ่าน")
    expect(field_findings(page, "step2")).to_contain_text("bad-date")
    expect(field_findings(page, "station")).to_have_count(0)
    expect(page.locator("#station")).to_have_value(GOOD_FORM["station"])  # the typing is kept
    clerk.shot("new-finding-beside-field")

    # 3. Fixed: passes, and the record shows level ๒, score ๒๕.
    page.locator("#step2_date").fill(good["steps"][1][0])
    page.get_by_role("button", name=CHECK_BUTTON).click()
    expect(page.locator("#verdict")).to_contain_text("ผ่าน")
    expect(page.locator("#verdict")).not_to_contain_text("ไม่ผ่าน")
    expect(page.locator(".field-findings .severity-error")).to_have_count(0)
    expect(page.locator("section.record")).to_contain_text(f"{thai(25)} (25)")
    clerk.shot("new-accepted")

    # 4. The XML download: a file `pipeline validate` accepts, with the typed station.
    with page.expect_download() as download_info:
        page.get_by_role("button", name="ดาวน์โหลด XML").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xml")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    verdict, status = cli_verdict(pipeline, saved)
    assert status == 0 and verdict["accepted"], json.dumps(verdict, ensure_ascii=False)
    assert verdict["record"]["station"] == GOOD_FORM["station"]
    assert verdict["record"]["steps"][1]["date"] == "2021-01-10"

    # 5. Send: the status page of an unguessable receipt, which turns accepted.
    page.get_by_role("button", name="ส่งแบบรายงาน").click()
    expect(page).to_have_url(RECEIPT_URL)
    receipt = RECEIPT_URL.search(page.url).group(1)
    expect(page.locator(".receipt")).to_have_text(receipt)
    if "รอตรวจ" in page.locator("section.verdict h1").inner_text():
        clerk.shot("submission-waiting")
    wait_for_status(clerk, receipt, ACCEPTED_TEXT)
    expect(page.locator("section.record")).to_contain_text(GOOD_FORM["station"])
    clerk.shot("submission-accepted")

    # The API says the same.
    answer = clerk.context.request.get(clerk.url(f"/api/submissions/{receipt}"))
    assert answer.status == 200
    body = answer.json()
    assert body["receipt"] == receipt and body["status"] == "accepted"
    assert body["verdict"]["record"]["station"] == GOOD_FORM["station"]


def test_empty_new_form_says_what_is_missing_beside_each_field(clerk):
    """ตรวจ on /new with nothing typed: each missing field's finding is beside that field
    (the findings next to the fields they concern, docs/web.md)."""
    page = clerk.page
    clerk.go("/new")
    page.get_by_role("button", name=CHECK_BUTTON).click()
    expect(page.locator("#verdict")).to_contain_text("ไม่ผ่าน")
    for field in ("station", "bureau", "reported_on"):
        assert "missing-field" in " ".join(field_findings(page, field).all_inner_texts()), \
            f"the missing-field finding is not beside {field}"


def send_through_api(clerk, name, body):
    """POST /api/submissions; returns the 202 answer's object."""
    answer = clerk.context.request.post(clerk.url(f"/api/submissions?name={name}"), data=body,
                                        headers={"Content-Type": "application/octet-stream"})
    assert answer.status == 202, answer.text()
    sent = answer.json()
    assert sent["status"] == "waiting" and sent["url"] == f"/submissions/{sent['receipt']}"
    assert RECEIPT_URL.search(sent["url"]), sent["url"]
    return sent


def test_rejected_submission_page_shows_the_notice(clerk, pipeline):
    """yala-r6.txt sent through the API: its page turns rejected and shows the findings and
    the notice the station would print."""
    form = SAMPLES / "yala-r6.txt"
    verdict, _ = cli_verdict(pipeline, form)
    # A last line without a separator is ignored by the reader; it makes each run's bytes new.
    body = form.read_bytes() + f"ส่งจากการทดสอบ {clerk.viewport} {uuid.uuid4()}\n".encode()
    sent = send_through_api(clerk, "yala-r6.txt", body)
    clerk.go(sent["url"])
    wait_for_status(clerk, sent["receipt"], REJECTED_TEXT)
    for finding in verdict["findings"]:
        expect(clerk.page.locator("table.findings")).to_contain_text(finding["rule"])
    expect(clerk.page.locator("pre.notice")).to_contain_text("สภ.เมืองยะลา")
    clerk.shot("submission-rejected")


def test_identical_resend_is_a_duplicate(clerk):
    """The same bytes sent twice: the first is taken, the second's page says duplicate (not
    counted again)."""
    form = SAMPLES / "lumphini-r12.txt"
    body = form.read_bytes() + f"ส่งซ้ำ {uuid.uuid4()}\n".encode()
    first = send_through_api(clerk, "lumphini-r12.txt", body)
    clerk.go(first["url"])
    wait_for_status(clerk, first["receipt"], ACCEPTED_TEXT)
    second = send_through_api(clerk, "lumphini-r12.txt", body)
    assert second["receipt"] != first["receipt"]
    clerk.go(second["url"])
    wait_for_status(clerk, second["receipt"], DUPLICATE_TEXT)
    answer = clerk.context.request.get(clerk.url(f"/api/submissions/{second['receipt']}"))
    assert answer.json()["status"] == "duplicate"
    clerk.shot("submission-duplicate")


def test_unknown_and_malformed_receipts_get_a_thai_page(clerk):
    """A receipt of the right shape that was never given: 404; of the wrong shape: 400; both
    a page in Thai and English with the way back."""
    response = clerk.go("/submissions/" + "0" * 32)
    assert response.status == 404
    expect(clerk.page.locator("section.verdict")).to_be_visible()
    expect(clerk.page.get_by_role("link", name=re.compile("กลับไปหน้าตรวจแบบรายงาน"))).to_be_visible()
    clerk.shot("submission-unknown")
    response = clerk.go("/submissions/..%2F..%2Fetc%2Fpasswd")
    assert response.status in (400, 404)
    expect(clerk.page.locator("section.verdict")).to_be_visible()
