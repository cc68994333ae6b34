internal import CLibXML
import Foundation

/// The one door to libxml2: process-wide set-up, and the Swift value libxml2's structured
/// errors become.
///
/// Every libxml2 call, pointer and callback of the package lives in this folder
/// (`Sources/Ingest/LibXML`); no other file imports `CLibXML`, and these import it
/// `internal`, so the compiler refuses a libxml2 type in any public signature of Ingest.
///
/// Thread safety: libxml2 2.9 is thread-safe once `xmlInitParser()` has run, and every parse
/// and validation here uses its own parser or validation context, whose error callbacks carry
/// that call's own collector. The only process-wide state we touch is set once, in `setUp`.
enum LibXML {
    /// Runs the process-wide set-up exactly once (Swift guarantees a `static let` initializer
    /// runs once, under a lock). Every entry point of this folder touches it first.
    static let setUp: Void = {
        xmlInitParser()
        // Deny every external load — DTDs, external entities, XIncludes, schema imports —
        // for the whole process. The parse options already forbid loading, and a DOCTYPE is
        // refused before anything could be loaded; this is the last line, in case a future
        // libxml2 or a future option would try anyway.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        // No process-wide error handler is installed: every call routes its errors to its
        // own collector (`withErrorsCollected` and the contexts' structured handlers), so
        // nothing is printed and nothing is silently dropped.
    }()

    /// Runs `body` with this thread's libxml2 fallback error handler collecting into
    /// `collector`, then restores the previous handler.
    ///
    /// Errors that libxml2 reports through a context (parser, schema parser, validator) go
    /// to that context's own handler; this catches anything that would otherwise reach the
    /// thread's default handler, which prints to stderr. The handler is thread-local in
    /// libxml2 and `body` is synchronous, so concurrent calls on other threads are unaffected.
    static func withErrorsCollected<Result>(into collector: XMLIssueCollector, _ body: () throws -> Result) rethrows -> Result {
        _ = setUp
        let savedHandler = __xmlStructuredError().pointee
        let savedContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), collectStructuredError)
        defer {
            __xmlStructuredError().pointee = savedHandler
            __xmlStructuredErrorContext().pointee = savedContext
        }
        return try withExtendedLifetime(collector) { try body() }
    }

    /// A structured-error handler whose user data is an `XMLIssueCollector` (unretained).
    /// Used for the thread fallback, the schema parser and the schema validator.
    static let collectStructuredError: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<XMLIssueCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.record(XMLIssue(error.pointee))
    }
}

/// One error or warning as libxml2 reported it.
struct XMLIssue: Sendable, Equatable {
    /// 1-based line in the document, when libxml2 knows it.
    var line: Int?
    /// libxml2's message, with its white space (including the trailing newline) folded and
    /// the form's namespace left out of element names.
    var message: String
    /// True for errors and fatal errors; false for warnings.
    var isError: Bool
    /// What kind of mistake libxml2's code says it is.
    var kind: XMLDiagnostic.Kind

    init(line: Int?, message: String, isError: Bool, kind: XMLDiagnostic.Kind = .other) {
        self.line = line
        self.message = message
        self.isError = isError
        self.kind = kind
    }

    /// Copies what we keep of a libxml2 error: the line, the message and its kind. Every
    /// string is copied out at once; libxml2 reuses the error's storage.
    init(_ error: xmlError) {
        var line = Int(error.line)
        var nodeName: String?
        var ownerName: String?
        if let node = error.node?.assumingMemoryBound(to: xmlNode.self) {
            nodeName = node.pointee.name.map { String(cString: $0) }
            let owner = node.pointee.type == XML_ATTRIBUTE_NODE ? node.pointee.parent : node
            ownerName = owner?.pointee.name.map { String(cString: $0) }
            // Errors about an attribute sometimes come without a line; the node knows it.
            if line <= 0, let owner { line = Int(xmlGetLineNo(owner)) }
        }
        let raw = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        let message = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "{\(XMLFormReader.namespace)}", with: "")
        self.line = line > 0 ? line : nil
        self.message = message
        self.isError = error.level.rawValue >= XML_ERR_ERROR.rawValue
        self.kind = XMLErrorKinds.kind(
            code: error.code, domain: error.domain, text: message,
            str1: error.str1.map { String(cString: $0) }, str2: error.str2.map { String(cString: $0) },
            nodeName: nodeName, ownerName: ownerName)
    }

    /// The issue as the messages take it.
    var diagnostic: XMLDiagnostic { XMLDiagnostic(kind: kind, text: message) }
}

/// libxml2's errors from one call: the first few listed, the rest only counted, so that a
/// pathological document (tens of thousands of errors) cannot flood the findings.
struct XMLErrors: Sendable, Equatable {
    var listed: [XMLIssue] = []
    /// Errors reported beyond `listed`.
    var unlisted = 0

    var isEmpty: Bool { listed.isEmpty && unlisted == 0 }
}

/// Collects the errors libxml2 reports during one call (warnings are not kept: they never
/// decide anything). Owned by that call and touched only from the thread running it
/// (libxml2 calls back synchronously).
final class XMLIssueCollector {
    /// How many errors are listed; the rest are counted.
    let limit: Int
    private(set) var errors = XMLErrors()

    init(limit: Int) {
        self.limit = limit
    }

    func record(_ issue: XMLIssue) {
        guard issue.isError else { return }
        if errors.listed.count < limit {
            errors.listed.append(issue)
        } else {
            errors.unlisted += 1
        }
    }
}
