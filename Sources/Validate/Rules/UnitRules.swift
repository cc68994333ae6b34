import Ingest

// The unit rules: `bad-unit` and the `alias` warnings for bureau, station and province.
// How a name is read against the rule set's units and aliases is `UnitReader`'s (Units.swift).

extension FormCheck {
    /// Canonical station, bureau and province; `nil` when the station or the bureau cannot be
    /// resolved. Reports aliases and every `bad-unit` problem.
    mutating func checkUnits(_ ruleSet: RuleSet) -> (station: String, bureau: String, province: String?)? {
        let reader = UnitReader(ruleSet: ruleSet)

        var bureau: RuleSet.Bureau?
        if let value = value(.bureau) {
            if let resolved = reader.bureau(value.text) {
                bureau = resolved.value
                if resolved.aliased {
                    report(.alias(.bureau, from: value.text, to: resolved.value.name), line: value.line)
                }
            } else {
                report(.unknownBureau(value.text), line: value.line)
            }
        }

        var station: String?
        if let value = value(.station) {
            switch reader.station(value.text) {
            case .noPrefix:
                report(.stationWithoutPrefix(value.text), line: value.line)
            case .onlyPrefix:
                report(.stationOnlyPrefix(value.text), line: value.line)
            case .station(let name, let prefix, let aliased):
                station = name
                if aliased {
                    report(.alias(.station, from: value.text, to: name), line: value.line)
                }
                if let bureau, prefix != bureau.stationPrefix {
                    report(.stationNotUnderBureau(station: name, bureau: bureau.name, expectedPrefix: bureau.stationPrefix),
                           line: value.line)
                }
            }
        }

        var province: String?
        if let value = value(.province) {
            if let resolved = reader.province(value.text) {
                province = resolved.value
                if resolved.aliased {
                    report(.alias(.province, from: value.text, to: resolved.value), line: value.line)
                }
                if let bureau, !bureau.provinces.contains(resolved.value) {
                    report(.provinceOutsideBureau(province: resolved.value, bureau: bureau.name), line: value.line)
                }
            } else {
                province = value.text
                report(.unknownProvince(value.text), line: value.line)
            }
        }

        guard let station, let bureau else { return nil }
        return (station, bureau.name, province)
    }
}
