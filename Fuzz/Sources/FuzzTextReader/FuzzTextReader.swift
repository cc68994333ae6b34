import Foundation
import FuzzSupport
import Ingest

/// The vocabulary, loaded once per process from the repository's schemas/text-form.json.
private let reader: TextFormReader = {
    let url = Repository.schemas.appendingPathComponent("text-form.json")
    do {
        return TextFormReader(vocabulary: try TextFormVocabulary.load(from: url))
    } catch {
        fatalError("cannot load \(url.path): \(error)")
    }
}()

/// Entry point: libFuzzer's driver on `fuzzTextReader`.
@_cdecl("FuzzTextReader_main")
public func main(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: { start, count in fuzzTextReader(start, count) })
}

/// The fuzz target: arbitrary bytes → `FormDecoder.decode` → `TextFormReader.read`.
///
/// Properties beyond "no crash, no hang":
/// * the reading is a text reading in the decoder's encoding;
/// * a reading without a form carries an error finding (a form is never silently dropped);
/// * every line number named (fields, steps, findings) is within the text's lines;
/// * reading is deterministic (the same text gives the same form).
/// (libFuzzer passes a nil pointer for the empty input.)
func fuzzTextReader(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    guard case .decoded(let decoded) = FormDecoder.decode(Data(buffer: bytes)) else { return 0 }
    let reading = reader.read(decoded)
    guard reading.format == .text, reading.encoding == decoded.encoding else {
        propertyFailed("reading format/encoding \(String(describing: reading.format))/\(String(describing: reading.encoding))")
    }
    if reading.form == nil, !reading.findings.hasErrors {
        propertyFailed("no form and no error finding")
    }
    let lineCount = decoded.text.split(omittingEmptySubsequences: false) {
        $0 == "\n" || $0 == "\r" || $0 == "\r\n"
    }.count
    func checkLine(_ line: Int?, _ what: String) {
        if let line, !(1...lineCount).contains(line) {
            propertyFailed("\(what) names line \(line) of \(lineCount)")
        }
    }
    for finding in reading.findings { checkLine(finding.line, "finding \(finding.rule)") }
    if let form = reading.form {
        for (field, value) in form.fields { checkLine(value.line, "field \(field)") }
        for step in form.steps {
            checkLine(step.line, "step")
            checkLine(step.date?.line, "step date")
        }
        if reader.read(decoded).form != form { propertyFailed("reading is not deterministic") }
    }
    return 0
}
