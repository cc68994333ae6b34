import Foundation
import FuzzSupport
import Ingest
import Validate

/// The whole checker over the repository's schemas/ (XSD, text vocabulary, rule sets).
private let checker: FormChecker = {
    do {
        return try FormChecker(resources: Resources(schemasDirectory: Repository.schemas))
    } catch {
        fatalError("cannot load the checker from \(Repository.schemas.path): \(error)")
    }
}()

/// Entry point: libFuzzer's driver on `fuzzChecker`.
@_cdecl("FuzzChecker_main")
public func main(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: { start, count in fuzzChecker(start, count) })
}

/// The fuzz target: arbitrary bytes → `FormChecker.check`, the whole bytes → verdict path
/// the inbox and `pipeline validate` use.
///
/// Properties beyond "no crash, no hang":
/// * the JSON line is one line of valid JSON whose `accepted` is the verdict's;
/// * a rejected verdict has an error finding, every finding has both messages;
/// * no raw control character (C0, DEL, C1) in the JSON line or any message;
/// * an accepted verdict has a record, and the record survives the ledger's JSON round trip
///   (encode → decode) unchanged;
/// * checking is deterministic (same bytes, same JSON line).
/// (libFuzzer passes a nil pointer for the empty input.)
func fuzzChecker(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    let data = Data(buffer: bytes)
    let verdict = checker.check(data, file: "fuzz")
    let line = verdict.jsonLine()
    if line.contains("\n") { propertyFailed("the JSON line has a line break") }
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let accepted = object["accepted"] as? Bool
    else { propertyFailed("the JSON line is not a JSON object with `accepted`: \(line.prefix(300))") }
    if accepted != verdict.accepted { propertyFailed("JSON accepted \(accepted), verdict \(verdict.accepted)") }
    if !verdict.accepted, !verdict.findings.hasErrors { propertyFailed("rejected without an error") }
    for finding in verdict.findings where finding.messageTH.isEmpty || finding.messageEN.isEmpty {
        propertyFailed("finding \(finding.rule.rawValue) without a message")
    }
    for text in [line] + verdict.findings.flatMap({ [$0.messageTH, $0.messageEN] }) {
        if let control = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            propertyFailed("raw control character U+\(String(control.value, radix: 16)) in the output")
        }
    }
    if verdict.accepted {
        guard let record = verdict.record else { propertyFailed("accepted without a record") }
        do {
            let decoded = try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record))
            if decoded != record { propertyFailed("record changed in the JSON round trip: \(record) → \(decoded)") }
        } catch {
            propertyFailed("record JSON round trip threw: \(error)")
        }
    }
    if checker.check(data, file: "fuzz").jsonLine() != line { propertyFailed("checking is not deterministic") }
    return 0
}
