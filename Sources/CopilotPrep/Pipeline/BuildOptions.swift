/// What `check` and `build` are asked to do.
public struct BuildOptions: Sendable {
    /// Audit export files or folders (a folder means every `.csv` directly inside it).
    public var audit: [String]
    public var licensed: String
    public var org: String
    /// The output folder; nil for `check`, which writes nothing.
    public var output: String?
    /// Replace earlier outputs in the output folder.
    public var force = false
    /// Replace every person by a keyed pseudonym, with the key read from this file.
    public var pseudonymizeKeyFile: String?
    /// Show departments with fewer people as `(small group)`.
    public var minGroupSize: Int?
    /// Power BI templates to write filled copies of into the output folder.
    public var templates: [String] = []
    /// Write template paths as they will be on the Windows machine that opens the report.
    public var templatePathPrefix: String?
    /// Extra template parameter values by name (e.g. the Microsoft templates' `mySecretSalt`).
    public var templateValues: [String: String] = [:]
    /// Called now and then while the audit exports are read (bytes read so far, total bytes).
    public var progress: (@Sendable (_ bytesRead: Int64, _ totalBytes: Int64) -> Void)?

    public init(audit: [String], licensed: String, org: String, output: String? = nil, force: Bool = false) {
        self.audit = audit
        self.licensed = licensed
        self.org = org
        self.output = output
        self.force = force
    }
}
