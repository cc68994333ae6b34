import Ingest
import Validate

/// Prints a verdict for a person: one compiler-style line per finding (Thai, then the English
/// beneath it), then one summary line for the file.
///
/// Every finding has the same shape, `FILE[:LINE]: SEVERITY[RULE]: THAI` and `    ENGLISH`:
/// the step a finding concerns is named in its message (`ขั้นตอนที่ ๒ …`), not in a tag that
/// only some lines would have.
enum VerdictPrinter {
    static func printHuman(_ verdict: Verdict, to output: inout some TextOutputStream) {
        for finding in verdict.findings {
            print(findingLine(finding, file: verdict.file), to: &output)
            print("    \(finding.messageEN)", to: &output)
        }
        print(summary(verdict), to: &output)
    }

    /// `form.txt:10: error[bad-date]: …` (no `:LINE` for a finding without one).
    static func findingLine(_ finding: Finding, file: String) -> String {
        let location = finding.line.map { "\(file):\($0)" } ?? file
        return "\(location): \(finding.severity.rawValue)[\(finding.rule.rawValue)]: \(finding.messageTH)"
    }

    /// `form.txt: ผ่าน / accepted — 0 errors, 1 warning; level 2, score 25 (below)`.
    static func summary(_ verdict: Verdict) -> String {
        let errors = verdict.findings.filter { $0.severity == .error }.count
        let warnings = verdict.findings.count - errors
        let outcome = verdict.accepted ? "ผ่าน / accepted" : "ไม่ผ่าน / rejected"
        var line = "\(verdict.file): \(outcome) — \(count(errors, "error")), \(count(warnings, "warning"))"
        if let record = verdict.record {
            line += "; ระดับ/level \(record.level), คะแนน/score \(record.score) (\(record.target.rawValue))"
        }
        return line
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
