/// The golden rejection notice (`NoticeTests.golden`); re-record with RECORD_GOLDEN=1.
let goldenNotice = #"""
แจ้งผลการตรวจแบบรายงาน โครงการ กต.ตร. พบประชาชน: ไม่รับแบบรายงาน ขอให้แก้ไขแล้วส่งใหม่

หน่วยปฏิบัติ: สภ.เมืองเชียงใหม่
สังกัด: ภ.๕
รายงาน: ปีงบประมาณ ๒๕๖๔ รอบ ๖ เดือน
ไฟล์: report.txt (เก็บไว้ในชื่อ report-2.txt)
รับเมื่อ: ๒๐ เม.ย. ๒๕๖๔ เวลา ๑๐:๐๕ น.
SHA-256: abababababababababababababababababababababababababababababababab

ข้อที่ต้องแก้ไข (๑ รายการ):
๑. [missing-field] ไม่ได้กรอก "วันที่รายงาน" — กรุณากรอกช่องนี้

ข้อสังเกต (ไม่ใช่เหตุที่ไม่รับ แต่ควรแก้ไขด้วย):
- บรรทัด ๑๒ [window] ขั้นตอนที่ ๓ ลงวันที่ ๑ ก.พ. ๒๕๖๔ อยู่นอกช่วงเวลาตามแผนของขั้นตอน (เม.ย. – มิ.ย. ๒๕๖๔) — นับว่าดำเนินการแล้ว และบันทึกว่าไม่ตรงตามกำหนดเวลา
- บรรทัด ๑๕ [bad-phone] หมายเลขโทรศัพท์ "123" ไม่ใช่หมายเลขในประเทศไทย (๙ หรือ ๑๐ หลัก ขึ้นต้นด้วย ๐) — กรุณาตรวจหมายเลข

วิธีส่งใหม่: แก้ไขทุกข้อข้างต้นในแบบรายงานฉบับเดิม แล้วส่งทั้งฉบับเข้ามาใหม่ (ใช้ชื่อไฟล์ใดก็ได้)
เมื่อรับแบบรายงานที่ถูกต้องของหน่วย รอบ และปีงบประมาณเดียวกันแล้ว รายการนี้จะปิดโดยอัตโนมัติ
สอบถาม: ฝ่ายอำนวยการ ภ.5 โทร 053-123-456

----------------------------------------

Report form check, กต.ตร. พบประชาชน project: REJECTED — please correct the form and send it again

Station: สภ.เมืองเชียงใหม่
Bureau: ภ.5
Report: fiscal year 2564, round 6 months
File: report.txt (kept as report-2.txt)
Received: 20 Apr 2021 10:05 (Thailand time)
SHA-256: abababababababababababababababababababababababababababababababab

To correct (1):
1. [missing-field] The report date is missing — fill it in.

Warnings (not why it was rejected, but worth correcting too):
- line 12 [window] Step 3 is dated 1 Feb 2021, outside its planned window (Apr – Jun 2021) — it counts as done, and is recorded as not on time.
- line 15 [bad-phone] The phone number "123" is not a Thai number (9 or 10 digits starting with 0) — check the number.

To resend: correct every point above in the same form and send the whole form again (any file name will do).
Once a correct form for the same station, round and fiscal year is accepted, this rejection is closed automatically.
Questions: ฝ่ายอำนวยการ ภ.5 โทร 053-123-456

"""#
