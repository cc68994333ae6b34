/// The single-valued fields of a report form, in both form formats.
/// Steps are not fields: each is a `StepEntry`.
public enum FormField: String, CaseIterable, Sendable, Hashable, Codable {
    case indicator
    case fiscalYear = "fiscal_year"
    case round
    case station
    case bureau
    case province
    case reportedOn = "reported_on"
    case score
    case reporter
    case phone

    /// The name a Thai clerk knows the field by (the text form's first label).
    public var thaiName: String {
        switch self {
        case .indicator: return "ตัวชี้วัด"
        case .fiscalYear: return "ปีงบประมาณ"
        case .round: return "รอบการรายงาน"
        case .station: return "หน่วยปฏิบัติ"
        case .bureau: return "สังกัด"
        case .province: return "จังหวัด"
        case .reportedOn: return "วันที่รายงาน"
        case .score: return "คะแนน"
        case .reporter: return "ผู้รายงาน"
        case .phone: return "โทรศัพท์"
        }
    }

    public var englishName: String {
        switch self {
        case .indicator: return "indicator"
        case .fiscalYear: return "fiscal year"
        case .round: return "round"
        case .station: return "station"
        case .bureau: return "bureau"
        case .province: return "province"
        case .reportedOn: return "report date"
        case .score: return "score"
        case .reporter: return "reporter"
        case .phone: return "phone"
        }
    }

    /// The element that carries the field in the XML form.
    public var xmlElement: String {
        switch self {
        case .indicator: return "indicator"
        case .fiscalYear: return "fiscalYear"
        case .round: return "round"
        case .station: return "station"
        case .bureau: return "bureau"
        case .province: return "province"
        case .reportedOn: return "reportedOn"
        case .score: return "score"
        case .reporter: return "name"
        case .phone: return "phone"
        }
    }
}
