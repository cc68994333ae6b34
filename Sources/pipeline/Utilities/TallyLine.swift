import Inbox

/// The summary line of `run`: `accepted 7 · rejected 3 · duplicates 1 (รับ ๗ · ไม่รับ ๓ · ซ้ำ ๑)`.
func summaryLine(_ tally: Tally) -> String {
    var line = "รับ \(tally.accepted) · ไม่รับ \(tally.rejected) · ซ้ำ \(tally.duplicates)"
    line += "  (accepted \(tally.accepted) · rejected \(tally.rejected) · duplicates \(tally.duplicates))"
    if tally.recovered > 0 { line += "; \(tally.recovered) recovered after an interruption" }
    if tally.failed > 0 { line += "; \(tally.failed) could not be processed (see the log; they are retried at the next run)" }
    return line
}
