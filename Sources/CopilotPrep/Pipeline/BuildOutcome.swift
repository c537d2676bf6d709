/// The result of `check` or `build`: the report, and whether the outputs could be produced.
public struct BuildOutcome: Sendable {
    public var report: BuildReport
    /// The output folder written, nil for `check` or when an error stopped the build.
    public var outputFolder: String?

    /// Exit status: 1 when an error stopped an output, 0 otherwise (warnings allowed).
    public var exitCode: Int32 {
        report.findings.contains { $0.severity == .error } ? 1 : 0
    }
}
