import Foundation
import Inbox
import Ingest
import Validate

/// The office's tables, as the CLI prints them and the web gives them: one builder each, so
/// `pipeline rejections --format csv` and `/api/office/rejections?format=csv` are the same
/// bytes, and their JSON the same objects (docs/office.md#the-tables).
public enum OfficeReports {
    // MARK: times

    /// `2021-04-20 10:05` in Thailand time (UTC+7), what a clerk's clock shows.
    public static func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0)
    }

    static func iso(_ date: Date?) -> Any { date.map { $0.formatted(Date.ISO8601FormatStyle()) } ?? NSNull() }

    /// One JSON object on one line, keys sorted.
    public static func jsonLine(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The status in Thai, for tables a person reads.
    public static func thai(_ status: RejectionStatus) -> String {
        switch status {
        case .open: "รอติดตาม"
        case .contacted: "ติดต่อแล้ว"
        case .resolved: "ปิดแล้ว"
        }
    }

    // MARK: rejections

    /// Whom to call and why: one row per rejection, its stable id first. A value the file did
    /// not say is `?`; a contact read from the file's plain text is marked `unverified`.
    public static func rejections(_ rows: [Rejection]) -> OfficeTable {
        OfficeTable(
            columns: [Column("id", thai: "เลขที่"), Column("received", thai: "รับเมื่อ (เวลาไทย)"),
                      Column("station", thai: "สถานี"), Column("bureau", thai: "กองบัญชาการ"),
                      Column("fiscal_year", thai: "ปีงบประมาณ"), Column("round", thai: "รอบ"),
                      Column("reporter", thai: "ผู้รายงาน"), Column("phone", thai: "โทรศัพท์"),
                      Column("contact", thai: "ข้อมูลติดต่อ"), Column("rules", thai: "กฎที่ไม่ผ่าน"),
                      Column("file", thai: "ไฟล์"), Column("status", thai: "สถานะ"), Column("latest_note", thai: "บันทึกล่าสุด")],
            rows: rows.map { rejection in
                [String(rejection.id), localTime(rejection.receivedAt), rejection.station ?? "?", rejection.bureau ?? "?",
                 rejection.fiscalYear.map(String.init) ?? "?", rejection.round.map(String.init) ?? "?",
                 rejection.reporter ?? "?", rejection.phone.map { PhoneDisplay.format($0) } ?? "?",
                 rejection.contactVerified ? "verified" : "unverified", rejection.rules.joined(separator: ","),
                 "rejected/" + rejection.storedName, rejection.status.rawValue, rejection.latestNote ?? ""]
            })
    }

    public static func json(_ rejection: Rejection) -> String {
        func string(_ text: String?) -> Any { text ?? NSNull() }
        return jsonLine([
            "id": rejection.id,
            "received_at": rejection.receivedAt.formatted(Date.ISO8601FormatStyle()),
            "station": string(rejection.station), "bureau": string(rejection.bureau), "province": string(rejection.province),
            "fiscal_year": rejection.fiscalYear ?? NSNull(), "round": rejection.round ?? NSNull(),
            "reporter": string(rejection.reporter), "phone": string(rejection.phone),
            "contact_verified": rejection.contactVerified, "rules": rejection.rules,
            "file": rejection.fileName, "stored": "rejected/" + rejection.storedName,
            "notice": "rejected/" + Notice.fileName(for: rejection.storedName),
            "status": rejection.status.rawValue,
            "resolved_at": iso(rejection.resolvedAt),
            "latest_note": string(rejection.latestNote), "latest_note_by": string(rejection.latestNoteBy),
            "latest_note_at": iso(rejection.latestNoteAt),
        ])
    }

    public static func json(_ event: FollowUpEvent) -> String {
        jsonLine(["id": event.id, "rejection_id": event.rejectionID, "at": event.at.formatted(Date.ISO8601FormatStyle()),
                  "by": event.actor, "status": event.status.rawValue, "note": event.note,
                  "resolved_by": event.resolvedBy ?? NSNull()])
    }

    // MARK: missing

    public static func missing(_ rows: [MissingStation]) -> OfficeTable {
        OfficeTable(
            columns: [Column("station", thai: "สถานี"), Column("bureau", thai: "กองบัญชาการ"), Column("province", thai: "จังหวัด"),
                      Column("phone", thai: "โทรศัพท์"), Column("rejection", thai: "เลขที่รายการไม่รับ"),
                      Column("rules", thai: "กฎที่ไม่ผ่าน"), Column("rejected_at", thai: "ไม่รับเมื่อ (เวลาไทย)"),
                      Column("status", thai: "สถานะการติดตาม")],
            rows: rows.map { row in
                [row.station, row.bureau, row.province, PhoneDisplay.format(row.phone), row.rejectionID.map(String.init) ?? "",
                 row.rules.joined(separator: ","), row.rejectedAt.map(localTime) ?? "", row.status?.rawValue ?? ""]
            })
    }

    public static func json(_ row: MissingStation) -> String {
        jsonLine(["station": row.station, "bureau": row.bureau, "province": row.province, "phone": row.phone ?? NSNull(),
                  "rejection_id": row.rejectionID ?? NSNull(), "rules": row.rules, "rejected_at": iso(row.rejectedAt),
                  "status": row.status?.rawValue ?? NSNull()])
    }

    // MARK: summary

    /// The targets, highest first, as the columns show them.
    public static let targets: [Target] = [.advanced, .standard, .minimum, .below]

    /// The level columns are `level0` … `levelN`, N the most steps of any fiscal year shown;
    /// a row of a year with fewer steps leaves the higher level cells empty. The roster's
    /// columns are empty without a roster.
    public static func summary(_ rows: [OfficeSummaryRow]) -> OfficeTable {
        let levelColumns = rows.map(\.base.levels.count).max() ?? 0
        let header = [Column("fiscal_year", thai: "ปีงบประมาณ"), Column("round", thai: "รอบ"),
                      Column("bureau", thai: "กองบัญชาการ"), Column("roster_stations", thai: "สถานีในบัญชี"),
                      Column("stations", thai: "สถานีที่มีผล"), Column("rejected_open", thai: "ไม่รับ รอติดตาม"),
                      Column("missing", thai: "ยังไม่มีผล"), Column("reporting_rate", thai: "อัตราการรายงาน (%)")]
            + (0..<levelColumns).map { Column("level\($0)", thai: "ระดับ \($0)") }
            + targets.map { Column($0.rawValue, thai: $0.thai) }
            + [Column("mean_score", thai: "คะแนนเฉลี่ย"), Column("steps_on_time", thai: "ขั้นตอนตรงเวลา"),
               Column("steps_dated", thai: "ขั้นตอนที่ทำแล้ว")]
        let cells = rows.map { row -> [String] in
            let base = row.base
            let rate: String = row.reportingRate.map { String(format: "%.1f", $0 * 100) } ?? ""
            let head: [String] = [String(base.fiscalYear), String(base.round), base.bureau ?? "รวม/all",
                                  row.rosterStations.map(String.init) ?? "", String(base.stations), String(row.rejectedOpen),
                                  row.missing.map(String.init) ?? "", rate]
            let levels: [String] = (0..<levelColumns).map { $0 < base.levels.count ? String(base.levels[$0]) : "" }
            let counts: [String] = targets.map { String(base.targets[$0] ?? 0) }
            let mean = base.stations > 0 ? String(format: "%.2f", base.meanScore) : ""
            let tail: [String] = [mean, String(row.stepsOnTime), String(row.stepsDated)]
            return head + levels + counts + tail
        }
        return OfficeTable(columns: header, rows: cells)
    }

    /// One row as a JSON object: `level0` … for its own year's levels, `bureau` null for the
    /// total, the roster's keys null without a roster.
    public static func json(_ row: OfficeSummaryRow) -> String {
        let base = row.base
        var object: [String: Any] = [
            "fiscal_year": base.fiscalYear, "round": base.round, "bureau": base.bureau ?? NSNull(),
            "stations": base.stations, "mean_score": base.meanScore,
            "roster_stations": row.rosterStations ?? NSNull(), "rejected_open": row.rejectedOpen,
            "missing": row.missing ?? NSNull(), "reporting_rate": row.reportingRate ?? NSNull(),
            "steps_on_time": row.stepsOnTime, "steps_dated": row.stepsDated,
        ]
        for (level, count) in base.levels.enumerated() { object["level\(level)"] = count }
        for target in targets { object[target.rawValue] = base.targets[target] ?? 0 }
        return jsonLine(object)
    }

    // MARK: records

    /// One row per record. The step columns are `step1` … `stepN`, N the most steps any of
    /// the records lists; a step cell is the step's date when done (`done` if it has none),
    /// else empty.
    public static func records(_ records: [StoredRecord]) -> OfficeTable {
        let steps = records.map(\.record.steps.count).max() ?? 0
        let header = [Column("fiscal_year", thai: "ปีงบประมาณ"), Column("round", thai: "รอบ"), Column("bureau", thai: "กองบัญชาการ"),
                      Column("station", thai: "สถานี"), Column("province", thai: "จังหวัด"), Column("reported_on", thai: "วันที่รายงาน"),
                      Column("level", thai: "ระดับ"), Column("score", thai: "คะแนน"), Column("target", thai: "เป้าหมาย")]
            + (0..<steps).map { Column("step\($0 + 1)", thai: "ขั้นตอนที่ \($0 + 1)") }
            + [Column("reporter", thai: "ผู้รายงาน"), Column("phone", thai: "โทรศัพท์"), Column("current", thai: "ผลปัจจุบัน")]
        return OfficeTable(columns: header, rows: records.map { stored in
            let record = stored.record
            var stepCells = [String](repeating: "", count: steps)
            for step in record.steps where step.done && step.number >= 1 && step.number <= steps {
                stepCells[step.number - 1] = step.date?.iso ?? "done"
            }
            return [String(record.fiscalYear), String(record.round), record.bureau, record.station,
                    record.province ?? "", record.reportedOn.iso, String(record.level), String(record.score),
                    record.target.rawValue] + stepCells
                + [record.reporter ?? "", PhoneDisplay.format(record.phone), stored.current ? "yes" : "no"]
        })
    }

    // MARK: roster

    public static func roster(_ entries: [StationRoster.Entry]) -> OfficeTable {
        OfficeTable(
            columns: [Column("station", thai: "สถานี"), Column("bureau", thai: "กองบัญชาการ"),
                      Column("province", thai: "จังหวัด"), Column("phone", thai: "โทรศัพท์")],
            rows: entries.map { [$0.station, $0.bureau, $0.province, PhoneDisplay.format($0.phone)] })
    }

    public static func json(_ entry: StationRoster.Entry) -> String {
        jsonLine(["station": entry.station, "bureau": entry.bureau, "province": entry.province,
                  "phone": entry.phone ?? NSNull(), "line": entry.line])
    }
}
