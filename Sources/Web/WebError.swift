import Hummingbird
import Ingest

/// A request the server refuses, with the status, a stable code and a whole sentence in
/// Thai and in English. Every refusal of the web face is one of these, so a reader sees all
/// it can say in one place; `ErrorResponseMiddleware` writes it as JSON under `/api/` and as
/// a page elsewhere.
public struct WebError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// Stable, for programs: `too-large`, `rate-limited` …
    public var code: String
    public var messageTH: String
    public var messageEN: String
    /// Seconds, for `Retry-After` (429, 503).
    public var retryAfter: Int?
    /// The methods the route has, for `Allow` (405).
    public var allow: [HTTPRequest.Method] = []

    public init(_ status: HTTPResponse.Status, code: String, th: String, en: String,
                retryAfter: Int? = nil, allow: [HTTPRequest.Method] = []) {
        self.status = status
        self.code = code
        self.messageTH = th
        self.messageEN = en
        self.retryAfter = retryAfter
        self.allow = allow
    }
}

// MARK: The catalogue

extension WebError {
    static func tooLarge(limit: Int) -> WebError {
        let (amount, unit) = limit % (1 << 20) == 0 ? (limit >> 20, "MiB") : (limit / 1024, "KiB")
        return WebError(.contentTooLarge, code: "too-large",
                        th: "ข้อมูลใหญ่เกินไป รับได้ไม่เกิน \(ThaiDigits.thai(amount)) \(unit) ต่อครั้ง — แบบรายงานหนึ่งฉบับไม่ควรใหญ่ถึงขนาดนี้",
                        en: "The body is too large: at most \(amount) \(unit) is accepted; a report form is never that large.")
    }

    static let emptyBody = WebError(.badRequest, code: "empty",
        th: "ไม่มีแบบรายงาน: ให้เลือกไฟล์ หรือวางข้อความแบบรายงานลงในช่อง",
        en: "No form was sent: choose a file or paste the form's text.")

    static let slowBody = WebError(.requestTimeout, code: "too-slow",
        th: "ส่งข้อมูลช้าเกินไป การเชื่อมต่อถูกตัด ให้ลองส่งใหม่",
        en: "The body took too long to arrive; send it again.")

    static func malformedMultipart(_ detail: String) -> WebError {
        WebError(.badRequest, code: "malformed-multipart",
                 th: "ข้อมูลที่ส่งมาไม่ใช่ multipart/form-data ที่ถูกต้อง (\(detail)) ให้ส่งจากหน้าเว็บใหม่",
                 en: "The body is not valid multipart/form-data (\(detail)); send it again from the page.")
    }

    static let malformedForm = WebError(.badRequest, code: "malformed-form",
        th: "ข้อมูลแบบฟอร์มที่ส่งมาอ่านไม่ได้ ให้ส่งจากหน้าเว็บใหม่",
        en: "The form data cannot be read; send it again from the page.")

    static func unsupportedMediaType(_ type: String) -> WebError {
        WebError(.unsupportedMediaType, code: "unsupported-media-type",
                 th: "ไม่รับข้อมูลชนิด \(type) ให้ส่งจากหน้าเว็บ",
                 en: "A body of type \(type) is not accepted here; send it from the page.")
    }

    static func badName(_ name: String, maxBytes: Int) -> WebError {
        WebError(.badRequest, code: "bad-name",
                 th: "ชื่อไฟล์ \"\(name)\" ใช้ไม่ได้: ต้องเป็นชื่อไฟล์เดียว ไม่มี / หรือ \\ ไม่ใช่ . หรือ .. ไม่ลงท้ายด้วย .part หรือ .tmp และยาวไม่เกิน \(ThaiDigits.thai(maxBytes)) ไบต์",
                 en: "The name \"\(name)\" cannot be used: give one file name, without / or \\, not . or .., not ending in .part or .tmp, at most \(maxBytes) bytes.")
    }

    static func badReceipt(_ receipt: String) -> WebError {
        WebError(.badRequest, code: "bad-receipt",
                 th: "เลขรับ \"\(receipt)\" ผิดรูปแบบ: เลขรับมีตัวอักษร ๐–๙ และ a–f ๓๒ ตัว",
                 en: "The receipt \"\(receipt)\" has the wrong shape: a receipt is 32 characters 0–9 and a–f.")
    }

    static let unknownReceipt = WebError(.notFound, code: "unknown-receipt",
        th: "ไม่พบแบบรายงานที่มีเลขรับนี้ ให้ตรวจเลขรับอีกครั้ง",
        en: "No form was sent with this receipt; check the receipt.")

    static let notFound = WebError(.notFound, code: "not-found",
        th: "ไม่พบหน้านี้",
        en: "There is no such page.")

    static func methodNotAllowed(_ method: HTTPRequest.Method, allow: [HTTPRequest.Method]) -> WebError {
        let allowed = allow.map(\.rawValue).joined(separator: ", ")
        return WebError(.methodNotAllowed, code: "method-not-allowed",
                        th: "หน้านี้ไม่รับคำขอแบบ \(method.rawValue) (รับ \(allowed))",
                        en: "This address does not take \(method.rawValue) (it takes \(allowed)).",
                        allow: allow)
    }

    static let crossOrigin = WebError(.forbidden, code: "cross-origin",
        th: "ไม่รับคำขอที่มาจากเว็บไซต์อื่น ให้ส่งจากหน้าเว็บของระบบนี้",
        en: "A request from another site is refused; send it from this site's own pages.")

    static let csrf = WebError(.forbidden, code: "csrf",
        th: "แบบฟอร์มหมดอายุหรือไม่ได้มาจากหน้านี้ ให้เปิดหน้าใหม่แล้วส่งอีกครั้ง",
        en: "The form is stale or did not come from this page; reload the page and send it again.")

    static func rateLimited(retryAfter: Int) -> WebError {
        WebError(.tooManyRequests, code: "rate-limited",
                 th: "ส่งแบบรายงานจากเครื่องนี้ถี่เกินไป ให้รอ \(ThaiDigits.thai(retryAfter)) วินาทีแล้วส่งใหม่",
                 en: "Too many forms sent from this address; wait \(retryAfter) seconds and send again.",
                 retryAfter: retryAfter)
    }

    static func busy(retryAfter: Int) -> WebError {
        WebError(.serviceUnavailable, code: "busy",
                 th: "ระบบกำลังตรวจแบบรายงานจำนวนมาก ให้ลองใหม่ใน \(ThaiDigits.thai(retryAfter)) วินาที",
                 en: "The server is checking many forms right now; try again in \(retryAfter) seconds.",
                 retryAfter: retryAfter)
    }

    static let submissionsClosed = WebError(.serviceUnavailable, code: "no-inbox",
        th: "เครื่องนี้ตรวจแบบรายงานได้อย่างเดียว ยังรับแบบรายงานไม่ได้",
        en: "This server only checks forms; it does not take submissions.")

    static let cannotStore = WebError(.internalServerError, code: "cannot-store",
        th: "เก็บแบบรายงานไม่ได้ (ดิสก์ของเครื่องแม่ข่าย) ไม่มีอะไรถูกเก็บ ให้ลองส่งใหม่ภายหลัง",
        en: "The form could not be stored (the server's disk); nothing was stored, send it again later.")

    // MARK: the office's logins

    static let loginRequired = WebError(.unauthorized, code: "login-required",
        th: "ต้องเข้าสู่ระบบก่อน ให้เข้าสู่ระบบที่ /login แล้วลองใหม่",
        en: "Log in first (at /login), then try again.")

    static let forbidden = WebError(.forbidden, code: "forbidden",
        th: "ผู้ใช้นี้ไม่มีสิทธิ์ทำรายการนี้",
        en: "This user may not do this.")

    /// Never says whether the name or the password was wrong: a login does not tell which
    /// names exist.
    static let badLogin = WebError(.unauthorized, code: "bad-login",
        th: "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
        en: "The user name or the password is wrong.")

    static func locked(minutes: Int) -> WebError {
        WebError(.tooManyRequests, code: "locked",
                 th: "ชื่อผู้ใช้นี้ถูกระงับชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง ให้รอ \(ThaiDigits.thai(minutes)) นาทีแล้วลองใหม่",
                 en: "This user name is locked after too many failed logins; try again in \(minutes) minutes.",
                 retryAfter: minutes * 60)
    }

    static func tooManyLogins(retryAfter: Int) -> WebError {
        WebError(.tooManyRequests, code: "rate-limited",
                 th: "เข้าสู่ระบบจากเครื่องนี้ถี่เกินไป ให้รอ \(ThaiDigits.thai(retryAfter)) วินาทีแล้วลองใหม่",
                 en: "Too many logins tried from this address; wait \(retryAfter) seconds and try again.",
                 retryAfter: retryAfter)
    }

    static let officeClosed = WebError(.serviceUnavailable, code: "no-state",
        th: "เครื่องนี้ไม่ได้เปิดส่วนของสำนักงาน (เปิดโดยไม่มีโฟลเดอร์สถานะ) จึงเข้าสู่ระบบไม่ได้",
        en: "This server runs without a state, so it has no office pages and no logins.")

    static let internalError = WebError(.internalServerError, code: "internal",
        th: "เกิดข้อผิดพลาดในเครื่องแม่ข่าย ให้ลองใหม่",
        en: "Something went wrong on the server; try again.")
}

