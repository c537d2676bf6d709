/// The tidy (star schema) tables `build` writes into `<out>/tables/`: names and column headers.
///
/// This is the single source of truth for the headers: the writers emit exactly these, and the
/// template's queries are tested against them, so renaming a column here breaks a test there.
public enum TidyTable: String, CaseIterable, Sendable {
    case interactions
    case messages
    case resources
    case contexts
    case plugins
    case models
    case users
    case agents
    case dailyActivity = "daily_activity"
    case dataQuality = "data_quality"

    /// The file name inside `tables/`.
    public var fileName: String { "\(rawValue).csv" }

    /// Column headers in output order.
    public var columns: [String] {
        switch self {
        case .interactions:
            ["RecordId", "CreationTime", "Date", "UserKey", "AppHost", "ThreadId", "Workload", "AgentId",
             "AgentName", "AppIdentity", "ApplicationName", "ClientRegion", "PromptCount", "ResponseCount",
             "ResourceCount", "UsesWebSearch"]
        case .messages:
            ["RecordId", "ThreadId", "MessageId", "IsPrompt", "JailbreakDetected", "XPIADetected"]
        case .resources:
            ["RecordId", "ResourceId", "Name", "Type", "Action", "SiteUrl", "SensitivityLabelId", "PolicyDetails"]
        case .contexts:
            ["RecordId", "ContextId", "ContextType"]
        case .plugins:
            ["RecordId", "PluginId", "PluginName", "PluginVersion"]
        case .models:
            ["RecordId", "ModelName"]
        case .users:
            ["UserKey", "DisplayName", "Department", "JobTitle", "Country", "HasLicense", "InOrgData",
             "InLicenseList", "IsGuest"]
        case .agents:
            ["AgentId", "AgentName", "Kind"]
        case .dailyActivity:
            ["Date", "UserKey", "AppHost", "Prompts", "Sessions", "Records"]
        case .dataQuality:
            ["Input", "Outcome", "Rows"]
        }
    }
}
