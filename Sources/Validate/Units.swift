import Ingest

/// Reads bureau, station and province names against one rule set's units and aliases.
///
/// Names are compared after `ThaiText.matchKey` (normalized, spaces removed). A name that is
/// already canonical — allowing Thai digits, `ภ.๕` is `ภ.5` — resolves without a flag; any
/// other accepted spelling resolves with `aliased == true`, which the validator reports as an
/// `alias` warning.
struct UnitReader {
    let ruleSet: RuleSet

    /// A name read as a canonical one.
    struct Resolved<Value> {
        let value: Value
        /// True when the form used a variant spelling.
        let aliased: Bool
    }

    /// What a station name turned out to be.
    enum StationReading {
        /// `name` is canonical: the short prefix directly followed by the station's name.
        case station(name: String, prefix: String, aliased: Bool)
        /// A prefix (`สภ.`, `สถานีตำรวจภูธร`) and nothing after it.
        case onlyPrefix
        /// No known prefix.
        case noPrefix
    }

    // MARK: Bureau

    /// `บช.น.`, `ภ.5`, `ภ.๕` (no alias); `บข.น.`, `บชน`, `ภาค ๕`, `ตำรวจภูธรภาค ๕` … (alias).
    func bureau(_ text: String) -> Resolved<RuleSet.Bureau>? {
        let arabic = ThaiDigits.arabic(text)
        if let bureau = ruleSet.bureau(named: arabic) {
            return Resolved(value: bureau, aliased: false)
        }
        let key = ThaiText.matchKey(arabic)
        if let bureau = ruleSet.bureaus.first(where: { ThaiText.matchKey($0.name) == key }) {
            return Resolved(value: bureau, aliased: true)
        }
        for (variant, name) in ruleSet.aliases.bureau
        where ThaiText.matchKey(ThaiDigits.arabic(variant)) == key {
            if let bureau = ruleSet.bureau(named: name) { return Resolved(value: bureau, aliased: true) }
        }
        if let numbered = ruleSet.aliases.numberedBureau {
            // Longest variant first: `ภาค5` must not be read as `ภ` + `าค5`.
            let prefixes = numbered.variantPrefixes.map(ThaiText.matchKey).sorted { $0.count > $1.count }
            for prefix in prefixes where key.hasPrefix(prefix) {
                let rest = key.dropFirst(prefix.count)
                guard !rest.isEmpty, rest.allSatisfy(\.isASCIIDigit), let number = Int(rest) else { continue }
                if let bureau = ruleSet.bureau(named: numbered.canonicalPrefix + String(number)) {
                    return Resolved(value: bureau, aliased: true)
                }
            }
        }
        return nil
    }

    // MARK: Station

    /// `สภ.เมืองเชียงใหม่` (canonical); `สถานีตำรวจภูธรเมืองเชียงใหม่`, `สภ. เมืองเชียงใหม่` (alias).
    func station(_ text: String) -> StationReading {
        let longPrefixes = ruleSet.aliases.stationPrefix.sorted { $0.key.count > $1.key.count }
        for (long, short) in longPrefixes where text.hasPrefix(long) {
            let rest = text.dropFirst(long.count).trimmingWhiteSpace
            guard !rest.isEmpty else { return .onlyPrefix }
            return .station(name: short + rest, prefix: short, aliased: true)
        }
        let prefixes = Set(ruleSet.bureaus.map(\.stationPrefix)).sorted { $0.count > $1.count }
        for prefix in prefixes where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            let name = rest.trimmingWhiteSpace
            guard !name.isEmpty else { return .onlyPrefix }
            return .station(name: prefix + name, prefix: prefix, aliased: name.count != rest.count)
        }
        return .noPrefix
    }

    // MARK: Province

    /// `เชียงใหม่` (canonical); `กทม.`, `อยุธยา`, `โคราช` … (alias).
    func province(_ text: String) -> Resolved<String>? {
        let index = ruleSet.provinceIndex
        if index.names.contains(text) { return Resolved(value: text, aliased: false) }
        let key = ThaiText.matchKey(text)
        if let province = index.byMatchKey[key] {
            return Resolved(value: province, aliased: true)
        }
        if let name = index.aliasByMatchKey[key] {
            return Resolved(value: name, aliased: true)
        }
        return nil
    }
}

extension StringProtocol {
    /// Without white space at either end.
    var trimmingWhiteSpace: String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
