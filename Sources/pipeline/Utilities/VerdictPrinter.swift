import Ingest
import Validate

/// Prints a verdict for a person: one compiler-style line per finding (Thai, then the English
/// beneath it), then one summary line for the file.
enum VerdictPrinter {
    static func printHuman(_ verdict: Verdict, to output: inout some TextOutputStream) {
        for finding in verdict.findings {
            let location = finding.line.map { "\(verdict.file):\($0)" } ?? verdict.file
            let step = finding.step.map { " ขั้นตอน/step \($0)" } ?? ""
            print("\(location): \(finding.severity.rawValue)[\(finding.rule.rawValue)]\(step): \(finding.messageTH)", to: &output)
            print("    \(finding.messageEN)", to: &output)
        }
        print(summary(verdict), to: &output)
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
