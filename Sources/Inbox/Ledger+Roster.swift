import GRDB
import Validate

extension Ledger {
    /// The roster as last imported (`pipeline roster import`), bureau by bureau; empty when
    /// none was.
    public func roster() throws -> StationRoster {
        try lookUp { db in
            StationRoster(try Row.fetchAll(db, sql: """
                SELECT station, bureau, province, phone, line FROM roster ORDER BY bureau, station
                """).map { row in
                StationRoster.Entry(station: row["station"], bureau: row["bureau"], province: row["province"],
                                    phone: row["phone"], line: row["line"])
            })
        }
    }
}
