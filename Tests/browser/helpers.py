"""What the browser tests share beside the fixtures: the CLI's verdict for a file, Thai
digits, the security headers every answer must carry, the form a clerk types on /new."""
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "inbox"

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

# A hostile station name must stay text: each would run script if it became markup.
HOSTILE_NAMES = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">']


def thai(number):
    """`12` → `๑๒`, as the pages write numbers in Thai text."""
    return str(number).translate(THAI_DIGITS)


def cli_verdict(pipeline, path):
    """The object `pipeline validate --format json NAME` prints, run in the file's folder so
    that `file` is the bare name (as the pages and the API name an upload)."""
    path = Path(path)
    result = subprocess.run([str(pipeline), "validate", "--format", "json", "--schemas", str(ROOT / "schemas"),
                             path.name], cwd=path.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert result.returncode in (0, 1), result.stderr.decode(errors="replace")
    return json.loads(result.stdout), result.returncode


def form_lines(path):
    """The lines of a UTF-8 sample form, as the check page numbers them (1-based)."""
    return Path(path).read_text(encoding="utf-8").splitlines()


def assert_security_headers(headers, what):
    """WEB.md's headers on one response (`headers` as Playwright's lower-cased dict)."""
    csp = headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp, f"{what}: Content-Security-Policy {csp!r}"
    assert "frame-ancestors 'none'" in csp, f"{what}: Content-Security-Policy {csp!r}"
    assert "'unsafe-inline'" not in csp, f"{what}: Content-Security-Policy allows inline code: {csp!r}"
    assert headers.get("x-content-type-options") == "nosniff", f"{what}: X-Content-Type-Options"
    assert headers.get("referrer-policy") == "no-referrer", f"{what}: Referrer-Policy"


def style_signature(locator):
    """How an element looks where a mark would show: its background and left border, and
    those of its parent, as computed by the browser."""
    return locator.evaluate("""element => [element, element.parentElement].map(node => {
        const style = getComputedStyle(node);
        return [style.backgroundColor, style.borderLeftStyle, style.borderLeftWidth,
                style.borderLeftColor, style.outlineStyle].join(' ');
    }).join(' | ')""")


RECEIPT_URL = re.compile(r"/submissions/([0-9a-f]{32})$")


# A form that passes, as a clerk at สภ.เมืองเชียงใหม่ would type it on /new: dates in three of
# the ways FORMS.md reads them. (Its steps, with 29 Feb 2564 for step 2, make the finding the
# clerk fixes first.)
GOOD_FORM = {
    "station": "สภ.เมืองเชียงใหม่", "bureau": "ภ.5", "province": "เชียงใหม่", "round": "6",
    "fiscal_year": "๒๕๖๔", "reported_on": "๒๐ เมษายน ๒๕๖๔",
    "steps": [("๑๕ พ.ย. ๒๕๖๓", "บันทึกข้อตกลงกับ อบต.สุเทพ"), ("10/01/2564", "")],
    "reporter": "ร.ต.อ.สมชาย ใจดี", "phone": "๐๘๑-๒๓๔-๕๖๗๘",
}


def fill_new_form(page, values):
    """Types `values` into /new's fields, by their labels' fields (ids as the page gives
    them); steps listed are ticked done with their date and evidence."""
    page.locator("#station").fill(values["station"])
    page.locator("#bureau").select_option(values["bureau"])
    page.locator("#province").fill(values["province"])
    page.locator("#round").select_option(values["round"])
    page.locator("#fiscal_year").fill(values["fiscal_year"])
    page.locator("#reported_on").fill(values["reported_on"])
    for number, (date, evidence) in enumerate(values["steps"], start=1):
        page.locator(f"#step{number}_done").check()
        page.locator(f"#step{number}_date").fill(date)
        page.locator(f"#step{number}_evidence").fill(evidence)
    page.locator("#reporter").fill(values["reporter"])
    page.locator("#phone").fill(values["phone"])

# The check buttons of `/` and `/new`: their text starts with ตรวจ (WEB.md).
CHECK_BUTTON = re.compile(r"^\s*ตรวจ")
