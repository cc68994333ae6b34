import Foundation

/// The live count and rate of a backlog: `412/3000 files · 38.2/s · ETA 1m08s`.
struct ProgressMeter {
    let start = Date()

    func line(done: Int, total: Int) -> String {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        var text = "\(done)/\(total) files · " + String(format: "%.1f/s", rate)
        if rate > 0 && done < total {
            let remaining = Int(Double(total - done) / rate)
            text += " · ETA \(remaining / 60)m" + String(format: "%02ds", remaining % 60)
        }
        return text
    }
}
