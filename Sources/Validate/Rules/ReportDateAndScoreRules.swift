import Ingest

// The report-date and score rules: `report-date` (before the fiscal year, past the round's
// deadline), `score-mismatch`, and `missing-field` for a round that must carry its score.

extension FormCheck {
    /// `report-date`: a report dated before the fiscal year starts, or after the deadline of
    /// its round (when the round is one the rule set has).
    mutating func checkReportDate(_ reportedOn: CalendarDate, _ ruleSet: RuleSet, round: RuleSet.Round?) {
        if reportedOn < ruleSet.fiscalYearStart {
            report(.reportBeforeFiscalYear(reportedOn: reportedOn, fiscalYearStart: ruleSet.fiscalYearStart),
                   line: form[.reportedOn]?.line)
        }
        if let round {
            let deadline = ruleSet.reportDeadline(for: round)
            if reportedOn > deadline {
                report(.reportTooLate(reportedOn: reportedOn, deadline: deadline, round: round.months),
                       line: form[.reportedOn]?.line)
            }
        }
    }

    /// `score-mismatch` when the form's score is not the one its steps give; `missing-field`
    /// when its round requires a score and none is given.
    mutating func checkScore(given: Int?, computed: Int, level: Int, round: RuleSet.Round?) {
        if let given, given != computed {
            report(.scoreMismatch(given: given, computed: computed, level: level), line: form[.score]?.line)
        }
        if let round, round.requiresScore, value(.score) == nil {
            report(.missingScoreForFinalRound, line: form[.score]?.line)
        }
    }
}
