/// The copilot-prep library: everything the command line does, without the command line.
public enum CopilotPrep {
    public static let name = "copilot-prep"
    public static let version = "0.1.0"
}
