#!/usr/bin/env python3
"""Generate realistic station report forms for benchmarks and load tests.

About 80% XML and 20% plain text, about 10% carrying an error for an assorted rule, Thai
digits and Thai dates throughout. Deterministic for a given --seed.

    scripts/generate-forms.py OUT_DIR [--count N] [--seed S]
"""
import argparse
import os
import random

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
          "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
BUREAUS = {
    "ภ.1": ["ชัยนาท", "นนทบุรี", "ปทุมธานี", "พระนครศรีอยุธยา", "ลพบุรี", "สมุทรปราการ", "สระบุรี", "สิงห์บุรี", "อ่างทอง"],
    "ภ.2": ["จันทบุรี", "ฉะเชิงเทรา", "ชลบุรี", "ตราด", "นครนายก", "ปราจีนบุรี", "ระยอง", "สระแก้ว"],
    "ภ.3": ["ชัยภูมิ", "นครราชสีมา", "บุรีรัมย์", "ยโสธร", "ศรีสะเกษ", "สุรินทร์", "อำนาจเจริญ", "อุบลราชธานี"],
    "ภ.4": ["กาฬสินธุ์", "ขอนแก่น", "นครพนม", "บึงกาฬ", "มหาสารคาม", "มุกดาหาร", "ร้อยเอ็ด", "เลย", "สกลนคร", "หนองคาย", "หนองบัวลำภู", "อุดรธานี"],
    "ภ.5": ["เชียงราย", "เชียงใหม่", "น่าน", "พะเยา", "แพร่", "แม่ฮ่องสอน", "ลำปาง", "ลำพูน"],
    "ภ.6": ["กำแพงเพชร", "ตาก", "นครสวรรค์", "พิจิตร", "พิษณุโลก", "เพชรบูรณ์", "สุโขทัย", "อุตรดิตถ์", "อุทัยธานี"],
    "ภ.7": ["กาญจนบุรี", "นครปฐม", "ประจวบคีรีขันธ์", "เพชรบุรี", "ราชบุรี", "สมุทรสงคราม", "สมุทรสาคร", "สุพรรณบุรี"],
    "ภ.8": ["กระบี่", "ชุมพร", "นครศรีธรรมราช", "พังงา", "ภูเก็ต", "ระนอง", "สุราษฎร์ธานี"],
    "ภ.9": ["ตรัง", "นราธิวาส", "ปัตตานี", "พัทลุง", "ยะลา", "สงขลา", "สตูล"],
}
BANGKOK = ["ลุมพินี", "ปทุมวัน", "บางรัก", "ทุ่งมหาเมฆ", "ยานนาวา", "ดุสิต", "พญาไท", "บางซื่อ", "ห้วยขวาง", "ลาดพร้าว"]
# Step windows, Common Era (year, first month, last month).
WINDOWS = {1: (2020, 10, 12), 2: (2021, 1, 3), 3: (2021, 4, 6), 4: (2021, 4, 6), 5: (2021, 7, 9)}
ERRORS = ["out-of-year", "score-mismatch", "bad-date", "bad-unit", "step-order", "missing-field", "bad-round"]


def thai(n):
    return str(n).translate(THAI_DIGITS)


def thai_date(y, m, d, rng):
    be = y + 543
    if rng.random() < 0.5:
        return f"{thai(d)} {MONTHS[m - 1]} {thai(be)}"
    return f"{d} {MONTHS[m - 1]} {be}"


def station(rng, index):
    if rng.random() < 0.15:
        return "สน." + rng.choice(BANGKOK) + (str(index) if index else ""), "บช.น.", "กรุงเทพมหานคร"
    bureau = rng.choice(sorted(BUREAUS))
    province = rng.choice(BUREAUS[bureau])
    return f"สภ.เมือง{province}{index}", bureau, province


def make_form(rng, index):
    name, bureau, province = station(rng, index)
    round_ = rng.choice([6, 12])
    if round_ == 6:
        # Late in the grace period, so that a step 3 done in its window is not after the report.
        reported = (2021, 6, rng.randint(29, 30))
        level = rng.randint(0, 3)
    else:
        reported = (2021, 10, rng.randint(1, 28))
        level = rng.randint(0, 5)
    steps = []
    for n in range(1, 6):
        y, m0, m1 = WINDOWS[n]
        done = n <= level
        date = (y, rng.randint(m0, m1), rng.randint(1, 28)) if done else None
        steps.append([n, done, date])
    # Keep step dates in order (steps 3 and 4 share a window).
    if steps[3][1] and steps[2][2] > steps[3][2]:
        steps[2][2], steps[3][2] = steps[3][2], steps[2][2]
    score = 0 if level == 0 else 25 * (level - 1)
    fields = {"fiscal_year": thai(2564), "round": thai(round_), "score": thai(score), "bureau": bureau}
    error = rng.choice(ERRORS) if rng.random() < 0.10 else None
    if error == "out-of-year" and steps[0][1]:
        # Before the fiscal year starts (1 Oct 2020): an error. A late step inside the year
        # is only the warning `window`, so it would not make a rejected form.
        steps[0][2] = (2020, 9, 15)
    elif error == "score-mismatch":
        fields["score"] = thai(score + 25)
    elif error == "bad-date" and steps[0][1]:
        steps[0][2] = "๓๑ พ.ย. ๒๕๖๓"
    elif error == "bad-unit":
        fields["bureau"] = "ภ.9" if bureau != "ภ.9" else "ภ.1"
    elif error == "step-order" and level >= 2:
        steps[0][1], steps[0][2] = False, None
    elif error == "missing-field":
        name = ""
    elif error == "bad-round":
        fields["round"] = thai(9)
    return {
        "station": name, "bureau": fields["bureau"], "province": province,
        "fiscal_year": fields["fiscal_year"], "round": fields["round"], "score": fields["score"],
        "reported": thai_date(*reported, rng), "steps": steps,
        "phone": "๐๘" + thai(rng.randint(10000000, 99999999)), "error": error,
    }


def date_text(date, rng):
    return date if isinstance(date, str) else thai_date(*date, rng)


def render_xml(form, rng):
    steps = []
    for n, done, date in form["steps"]:
        if date:
            steps.append(f'    <step number="{thai(n)}" done="true"><date>{date_text(date, rng)}</date>'
                         f'<evidence>หลักฐานขั้นตอนที่ {thai(n)}</evidence></step>')
        elif n <= 3:
            steps.append(f'    <step number="{thai(n)}" done="false"/>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="urn:rtp:kpi-report:1">
  <indicator>กต.ตร. พบประชาชน</indicator>
  <fiscalYear>{form["fiscal_year"]}</fiscalYear>
  <round>{form["round"]}</round>
  <unit>
    <station>{form["station"] or "สภ."}</station>
    <bureau>{form["bureau"]}</bureau>
    <province>{form["province"]}</province>
  </unit>
  <reportedOn>{form["reported"]}</reportedOn>
  <steps>
{chr(10).join(steps)}
  </steps>
  <score>{form["score"]}</score>
  <contact><name>ร.ต.อ.สมชาย ใจดี</name><phone>{form["phone"]}</phone></contact>
</report>
"""


def render_text(form, rng):
    lines = [
        "แบบรายงานผลการดำเนินงาน โครงการ กต.ตร. พบประชาชน",
        "ตัวชี้วัด : กต.ตร. พบประชาชน",
        f"ปีงบประมาณ : พ.ศ. {form['fiscal_year']}",
        f"รอบการรายงาน : รอบ {form['round']} เดือน",
    ]
    if form["station"]:
        lines.append(f"หน่วยปฏิบัติ : {form['station']}")
    lines += [f"สังกัด : {form['bureau']}", f"จังหวัด : {form['province']}",
              f"วันที่รายงาน : {form['reported']}"]
    for n, done, date in form["steps"]:
        if date:
            lines.append(f"ขั้นตอนที่ {thai(n)} : ดำเนินการแล้ว เมื่อ {date_text(date, rng)} หลักฐาน : หลักฐานขั้นตอนที่ {thai(n)}")
        else:
            lines.append(f"ขั้นตอนที่ {thai(n)} : ยังไม่ดำเนินการ")
    lines += [f"คะแนน : {form['score']}", "ผู้รายงาน : ร.ต.อ.สมชาย ใจดี", f"มือถือ : {form['phone']}"]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=2564)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    counts = {"xml": 0, "text": 0, "with_error": 0}
    for i in range(args.count):
        form = make_form(rng, i)
        if rng.random() < 0.8:
            name, body = f"form-{i:06d}.xml", render_xml(form, rng)
            counts["xml"] += 1
        else:
            name, body = f"form-{i:06d}.txt", render_text(form, rng)
            counts["text"] += 1
        counts["with_error"] += form["error"] is not None
        # Written under a temporary name and renamed, as a station's upload would arrive.
        tmp = os.path.join(args.out_dir, "." + name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(body)
        os.rename(tmp, os.path.join(args.out_dir, name))
    print(f"generated {args.count} forms in {args.out_dir}: {counts['xml']} xml, {counts['text']} text, "
          f"{counts['with_error']} with a deliberate error")


if __name__ == "__main__":
    main()
