"""The receiving office in a real browser (issue 9): an officer logs in, follows up a
rejection (contacted, then resolved), reads who has not reported, the summary with its charts
(also as printed), the records and the roster, downloads the CSV and the workbook, and logs
out; a bureau's officer sees its own bureau only. Each page is kept as a screenshot,
docs/screenshots/office-*-VIEWPORT.png with `scripts/browser-tests --update-screenshots`.

Each viewport gets its own `pipeline serve` on its own state, filled as an office would fill
it: the sample roster imported, the sample inbox run, three users added, all with the CLI.
What a page shows is compared with what the CLI prints for the same state.
"""
import csv
import io
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ServeProcess, open_clerk, VIEWPORTS
from helpers import ROOT, SAMPLES

ROSTER = ROOT / "docs" / "sample-roster.csv"
OFFICE_CONTACT = "กลุ่มงานยุทธศาสตร์ บก.อก. โทร 02-205-1234"

# name: (role, bureau, password). The passwords live only in this test's memory and the
# users' standard input: the ledger keeps their bcrypt hashes.
USERS = {
    "hq.somsri": ("hq", None, "hq-รหัสผ่าน-2564"),
    "bkk.officer": ("bureau", "บช.น.", "metro-pass-2564"),
    "r5.officer": ("bureau", "ภ.5", "region5-pass-2564"),
    "admin.root": ("admin", None, "admin-pass-2564"),
}


@dataclass
class Office:
    """One office's state and the `pipeline serve` over it."""
    pipeline: Path
    work: Path
    server: ServeProcess

    @property
    def state(self):
        return self.work / "state"

    def cli(self, *arguments, stdin=None):
        """`pipeline ARGUMENTS --state STATE`'s standard output (exit status 0 asserted)."""
        result = run_cli(self.pipeline, *arguments, "--state", str(self.state), stdin=stdin)
        assert result.returncode == 0, f"pipeline {' '.join(arguments)}: {result.stderr}"
        return result.stdout

    def cli_json(self, *arguments):
        """The objects of `pipeline ARGUMENTS --format json` (one per line)."""
        return [json.loads(line) for line in self.cli(*arguments, "--format", "json").splitlines() if line.strip()]

    def cli_bytes(self, *arguments):
        result = subprocess.run([str(self.pipeline), *arguments, "--state", str(self.state)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        return result.stdout


def run_cli(pipeline, *arguments, stdin=None):
    return subprocess.run([str(pipeline), *arguments], cwd=ROOT, input=stdin, text=True, encoding="utf-8",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)


def open_office(pipeline):
    """The office's state as `scripts/run-samples` leaves it, plus the users, and the server."""
    work = Path(tempfile.mkdtemp(prefix="pipeline-office-"))
    inbox, state = work / "inbox", work / "state"
    inbox.mkdir()
    for sample in SAMPLES.iterdir():
        shutil.copy2(sample, inbox / sample.name)
    imported = run_cli(pipeline, "roster", "import", str(ROSTER), "--state", str(state))
    assert imported.returncode == 0, imported.stderr
    ran = run_cli(pipeline, "run", str(inbox), "--state", str(state), "--schemas", str(ROOT / "schemas"))
    assert ran.returncode in (0, 1), ran.stderr  # 1: some samples are rejected, as they should be
    for name, (role, bureau, password) in USERS.items():
        extra = ["--bureau", bureau] if bureau else []
        added = run_cli(pipeline, "users", "add", name, "--role", role, *extra, "--password-stdin",
                        "--state", str(state), stdin=password + "\n")
        assert added.returncode == 0, added.stderr
    # Each test logs in afresh, a dozen logins a minute from one address: more than the
    # default limit of 10 (that limit is tested in Tests/WebTests/LoginTests.swift).
    server = ServeProcess(pipeline, inbox, state, extra=["--office-contact", OFFICE_CONTACT, "--login-limit", "100"])
    return Office(pipeline, work, server)


@pytest.fixture(scope="module")
def offices(pipeline):
    """One office per viewport, opened when first asked for; each stopped with SIGTERM at the
    end, which must exit 0."""
    opened = {}

    def office(viewport):
        if viewport not in opened:
            opened[viewport] = open_office(pipeline)
        return opened[viewport]

    yield office
    statuses = {viewport: (office.server.stop(), office.server.log()) for viewport, office in opened.items()}
    for office in opened.values():
        shutil.rmtree(office.work, ignore_errors=True)
    for viewport, (status, log) in statuses.items():
        assert status == 0, f"pipeline serve ({viewport}) exited with {status} on SIGTERM:\n{log}"


@pytest.fixture(params=sorted(VIEWPORTS))
def officer(request, browser, offices):
    """An officer's browser at each viewport, on that viewport's office (`open_clerk`'s checks
    afterwards: no other origin, no dialog, the security headers on every answer)."""
    office = offices(request.param)
    with open_clerk(browser, office.server, request.param) as clerk:
        clerk.office = office
        yield clerk


def log_in(officer, name, then="/office"):
    """Opens `then`, is sent to the login page, logs in as `name` and lands on `then`."""
    page = officer.page
    officer.go(then)
    expect(page).to_have_url(re.compile(r"/login\?"))
    page.locator("#username").fill(name)
    page.locator("#password").fill(USERS[name][2])
    page.get_by_role("button", name=re.compile("เข้าสู่ระบบ")).click()
    expect(page).to_have_url(officer.url(then))


def log_out(officer):
    """Clicks ออกจากระบบ and waits for the login page the logout answers with (a page opened
    before that could still carry the session)."""
    officer.page.get_by_role("button", name=re.compile("ออกจากระบบ")).click()
    expect(officer.page).to_have_url(officer.url("/login"))


def table_rows(page):
    """The body rows of the page's table, each as its cells' text."""
    return page.locator("table tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))")


def download(officer, link_name):
    """Clicks the download link named `link_name`; the downloaded bytes."""
    with officer.page.expect_download() as started:
        officer.page.get_by_role("link", name=re.compile(link_name)).click()
    return Path(started.value.path()).read_bytes()


def test_login_refuses_a_wrong_password_then_opens_the_office(officer):
    page = officer.page
    officer.go("/office")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Foffice$|/login\?next=/office$"))
    expect(page.locator("h1")).to_contain_text("เข้าสู่ระบบ")
    officer.shot("office-login")

    page.locator("#username").fill("hq.somsri")
    page.locator("#password").fill("not-the-password")
    page.get_by_role("button", name=re.compile("เข้าสู่ระบบ")).click()
    expect(page.locator("#problem")).to_be_visible()
    expect(page.locator("#password")).to_have_value("")  # a password never comes back
    expect(page.locator("#username")).to_have_value("hq.somsri")

    page.locator("#password").fill(USERS["hq.somsri"][2])
    page.get_by_role("button", name=re.compile("เข้าสู่ระบบ")).click()
    expect(page).to_have_url(officer.url("/office"))
    expect(page.locator("#who")).to_contain_text("hq.somsri")
    expect(page.locator("#who")).to_contain_text("ทุกกองบัญชาการ")
    officer.shot("office-home")
    cookies = {cookie["name"]: cookie for cookie in officer.context.cookies()}
    session = [cookie for name, cookie in cookies.items() if "session" in name]
    assert session and all(cookie["httpOnly"] and cookie["sameSite"] == "Strict" for cookie in session), cookies


def test_follow_up_walk_contacted_then_resolved(officer):
    """บช.น.'s officer calls the station of one rejection, notes it, then closes it."""
    office, page = officer.office, officer.page
    expected = office.cli_json("rejections", "--bureau", "บช.น.")
    assert expected, "the samples should leave บช.น. a rejection to follow up"
    log_in(officer, "bkk.officer", "/office/rejections")

    rows = table_rows(page)
    assert [row[0] for row in rows] == [f"#{item['id']}" for item in expected]
    assert all("บช.น." in row[2] for row in rows), rows
    officer.shot("office-rejections")

    target = expected[0]
    page.get_by_role("link", name=f"#{target['id']}", exact=True).click()
    expect(page).to_have_url(officer.url(f"/office/rejections/{target['id']}"))
    contact = page.locator("section.contact")
    expect(contact).to_contain_text(target["station"])
    if target.get("phone"):
        expect(contact.locator("a.phone")).to_have_attribute("href", f"tel:{target['phone']}")
    expect(page.locator("pre.notice")).to_contain_text(OFFICE_CONTACT)
    officer.shot("office-rejection")

    note = "โทรหาผู้รายงานแล้ว จะแก้วันที่ของขั้นตอนที่ ๒ แล้วส่งใหม่ภายในวันศุกร์"
    page.locator("#note").fill(note)
    page.get_by_role("button", name=re.compile("ติดต่อแล้ว")).click()
    expect(page).to_have_url(officer.url(f"/office/rejections/{target['id']}"))
    expect(page.locator("ol.events li").last).to_contain_text(note)
    expect(page.locator("ol.events li").last).to_contain_text("bkk.officer")
    expect(contact.locator(".status")).to_have_class(re.compile("status-contacted"))
    officer.shot("office-rejection-contacted")

    # The CLI reads the same ledger: the state and the note, by whom.
    contacted = {item["id"]: item for item in office.cli_json("rejections", "--status", "contacted")}
    assert contacted[target["id"]]["latest_note"] == note

    # An empty note is refused with the reason, nothing recorded.
    page.locator("#note").fill("")
    page.locator("#note").evaluate("field => field.removeAttribute('required')")
    page.get_by_role("button", name=re.compile("ปิดเรื่อง")).click()
    expect(page.locator("p.problem")).to_be_visible()
    assert len(office.cli_json("rejections", "--status", "resolved")) == 0

    page.locator("#note").fill("สถานีแจ้งว่าจะไม่ส่งใหม่ รอบนี้ปิดไว้ก่อน")
    page.get_by_role("button", name=re.compile("ปิดเรื่อง")).click()
    expect(page.locator("section.contact .status")).to_have_class(re.compile("status-resolved"))
    expect(page.locator("ol.events li")).to_have_count(2)
    assert [item["id"] for item in office.cli_json("rejections", "--status", "resolved")] == [target["id"]]

    # Resolved rows leave the default list (still followed up) and show under ปิดแล้ว.
    officer.go("/office/rejections")
    assert f"#{target['id']}" not in [row[0] for row in table_rows(page)]
    page.locator("#status").select_option("resolved")
    page.get_by_role("button", name=re.compile("แสดง")).click()
    expect(page).to_have_url(re.compile(r"/office/rejections\?status=resolved"))
    expect(page.locator("table tbody tr")).to_have_count(1)
    expect(page.locator(f"tr#r{target['id']}")).to_be_visible()


def test_cli_follow_up_shows_on_the_page_while_serving(officer):
    office, page = officer.office, officer.page
    target = office.cli_json("rejections", "--bureau", "ภ.4")[0]
    note = "เจ้าหน้าที่เวรโทรแจ้งสถานีแล้ว (จากเครื่องสั่งงาน)"
    office.cli("follow-up", str(target["id"]), "--status", "contacted", "--note", note)
    log_in(officer, "hq.somsri", f"/office/rejections/{target['id']}")
    expect(page.locator("ol.events li").last).to_contain_text(note)
    expect(page.locator("section.contact .status")).to_have_class(re.compile("status-contacted"))


def test_a_bureau_officer_sees_only_its_bureau(officer):
    office, page = officer.office, officer.page
    roster = office.cli_json("roster", "list")
    rejections = office.cli_json("rejections", "--status", "all")
    foreign = {entry["station"] for entry in roster if entry["bureau"] != "บช.น."}
    foreign |= {item["station"] for item in rejections if item.get("station") and item.get("bureau") != "บช.น."}
    assert foreign, "the samples should have stations of other bureaus"
    log_in(officer, "bkk.officer", "/office/rejections?status=all")
    officer.shot("office-bureau-rejections")
    pages = ["/office/rejections?status=all", "/office/missing?fiscal_year=2564&round=6",
             "/office/missing?fiscal_year=2564&round=12", "/office/summary", "/office/records", "/office/roster"]
    for path in pages:
        officer.go(path)
        text = page.locator("main").inner_text()
        assert not [station for station in foreign if station in text], (path, foreign)
        expect(page.locator(".who")).to_contain_text("บช.น.")
    # Another bureau's rejection by its address: not found (nothing of it is told).
    other = next(item for item in rejections if item.get("bureau") not in (None, "บช.น."))
    response = officer.go(f"/office/rejections/{other['id']}")
    assert response.status == 404
    assert other.get("station", "?") not in page.locator("main").inner_text()
    # And the CSV the page links.
    officer.go("/office/rejections?status=all")
    body = download(officer, "ดาวน์โหลด CSV").decode("utf-8-sig")
    assert not [station for station in foreign if station in body]


def test_missing_stations_agree_with_the_cli(officer):
    office, page = officer.office, officer.page
    log_in(officer, "hq.somsri", "/office/missing")
    page.locator("#round").select_option("6")
    page.locator("#fiscal_year").fill("2564")
    page.get_by_role("button", name=re.compile("แสดง")).click()
    expect(page).to_have_url(re.compile(r"/office/missing\?.*round=6"))
    expected = office.cli_json("missing", "--fiscal-year", "2564", "--round", "6")
    assert expected, "the sample roster has stations that sent nothing for round 6"
    assert [row[0] for row in table_rows(page)] == [item["station"] for item in expected]
    officer.shot("office-missing")

    assert download(officer, "ดาวน์โหลด CSV") == office.cli_bytes("missing", "--fiscal-year", "2564", "--round", "6",
                                                               "--format", "csv")
    workbook = download(officer, r"\.xlsx")
    assert workbook[:2] == b"PK"
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    csv_rows = list(csv.reader(io.StringIO(office.cli_bytes("missing", "--fiscal-year", "2564", "--round", "6",
                                                            "--format", "csv").decode("utf-8-sig"))))
    assert [[value or "" for value in row] for row in cells[-len(expected):]] == csv_rows[-len(expected):]


def test_summary_has_its_charts_and_prints(officer):
    office, page = officer.office, officer.page
    log_in(officer, "hq.somsri", "/office/summary")
    charts = page.locator("svg.chart")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 3
    assert page.locator("script").count() == 0
    rows = table_rows(page)
    assert rows and any(row[0].startswith("รวม") for row in rows)
    officer.shot("office-summary")
    assert download(officer, "ดาวน์โหลด CSV") == office.cli_bytes("summary", "--format", "csv")

    page.emulate_media(media="print")
    expect(page.locator("nav.office")).to_be_hidden()
    expect(page.locator("svg.chart").first).to_be_visible()
    if officer.viewport == "desktop":  # paper is not phone-sized: one printed page is kept
        officer.shot("office-summary-print")
    page.emulate_media(media="screen")


def test_records_and_roster_pages(officer):
    office, page = officer.office, officer.page
    log_in(officer, "hq.somsri", "/office/records")
    records = [json.loads(line) for line in office.cli("records").splitlines() if line.strip()]
    rows = table_rows(page)
    assert sorted(row[1] for row in rows) == sorted(record["station"] for record in records)
    officer.shot("office-records")
    assert download(officer, "ดาวน์โหลด CSV") == office.cli_bytes("records", "--format", "csv")

    officer.go("/office/roster")
    roster = office.cli_json("roster", "list")
    assert [row[0] for row in table_rows(page)] == [entry["station"] for entry in roster]
    officer.shot("office-roster")


def test_an_admin_imports_the_roster_on_its_page(officer, tmp_path):
    office, page = officer.office, officer.page
    before = office.cli_json("roster", "list")
    bad = tmp_path / "roster-with-mistakes.csv"
    bad.write_text("station,bureau,province,phone\nสภ.หางดง,ภ.5,เชียงใหม่,053441234\n"
                   "สภ.เมืองยะลา,ภ.8,ยะลา,\nสภ.หางดง,ภ.5,เชียงใหม่,\n", encoding="utf-8")
    log_in(officer, "admin.root", "/office/roster")
    page.locator("#roster").set_input_files(str(bad))
    page.get_by_role("button", name="นำเข้า / Import").click()
    problem = page.locator("#problem")
    expect(problem).to_contain_text("line 3")
    expect(problem).to_contain_text("line 4")
    expect(problem).to_contain_text("roster-with-mistakes.csv")
    assert office.cli_json("roster", "list") == before  # nothing changed
    officer.shot("office-roster-import-refused")

    page.locator("#roster").set_input_files(str(ROSTER))
    page.get_by_role("button", name="นำเข้า / Import").click()
    expect(page.locator(".verdict.accepted")).to_contain_text(f"{len(before)} สถานี")
    assert office.cli_json("roster", "list") == before  # the same file again: the same roster

    # Anyone but an admin gets no form (and the route refuses them: Tests/WebTests).
    log_out(officer)
    log_in(officer, "hq.somsri", "/office/roster")
    expect(page.locator("#roster")).to_have_count(0)


def test_logout_closes_the_office(officer):
    page = officer.page
    log_in(officer, "hq.somsri", "/office/summary")
    log_out(officer)
    officer.go("/office/rejections")
    expect(page).to_have_url(re.compile(r"/login\?"))
