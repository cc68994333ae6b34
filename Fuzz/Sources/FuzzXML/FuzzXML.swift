import Foundation
import FuzzSupport
import Ingest

/// The XML reader, validating against the repository's schemas/report.xsd (compiled once).
private let reader: XMLFormReader = {
    let url = Repository.schemas.appendingPathComponent("report.xsd")
    do {
        return XMLFormReader(schema: try XMLSchema(contentsOf: url))
    } catch {
        fatalError("cannot load \(url.path): \(error)")
    }
}()

/// Entry point: libFuzzer's driver on `fuzzXML`.
@_cdecl("FuzzXML_main")
public func main(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, target: { start, count in fuzzXML(start, count) })
}

/// The fuzz target: arbitrary bytes → `FormDecoder.decode` → `XMLFormReader.read` (libxml2's
/// safe parse, the DOCTYPE/XInclude refusal, XSD validation, value copying).
///
/// Properties beyond "no crash, no hang":
/// * the reading is an XML reading in the decoder's encoding;
/// * a reading without a form carries an error finding;
/// * a reading with a form carries no `unsafe-xml`, `malformed` or `schema` error (the reader
///   promises to stop at those);
/// * reading is deterministic.
/// (libFuzzer passes a nil pointer for the empty input.)
func fuzzXML(_ pointer: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    let data = Data(buffer: bytes)
    guard case .decoded(let decoded) = FormDecoder.decode(data) else { return 0 }
    let reading = reader.read(data, encoding: decoded.encoding)
    guard reading.format == .xml, reading.encoding == decoded.encoding else {
        propertyFailed("reading format/encoding \(String(describing: reading.format))/\(String(describing: reading.encoding))")
    }
    if reading.form == nil, !reading.findings.hasErrors {
        propertyFailed("no form and no error finding")
    }
    if reading.form != nil,
       let stop = reading.findings.first(where: { [.unsafeXML, .malformed, .schema].contains($0.rule) }) {
        propertyFailed("a form was read despite a \(stop.rule.rawValue) finding")
    }
    if reader.read(data, encoding: decoded.encoding).form != reading.form {
        propertyFailed("reading is not deterministic")
    }
    return 0
}
