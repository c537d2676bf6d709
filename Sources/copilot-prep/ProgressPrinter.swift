import Foundation

/// Progress on stderr while big exports are read, only when stderr is a terminal.
enum ProgressPrinter {
    private static let isTerminal = isatty(STDERR_FILENO) != 0

    static func forTerminal() -> (@Sendable (Int64, Int64) -> Void)? {
        guard isTerminal else { return nil }
        let start = Date()
        return { read, total in
            let seconds = max(0.001, Date().timeIntervalSince(start))
            let rate = Double(read) / seconds
            let left = rate > 0 ? Double(total - read) / rate : 0
            let line = String(format: "\rReading audit exports: %.0f of %.0f MB, %.0f MB/s, %.0f s left ",
                              Double(read) / 1e6, Double(total) / 1e6, rate / 1e6, left)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the progress line.
    static func clear() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
