import Foundation

/// copilot-prep's own Copilot usage report, packed from the embedded Template/ source.
public enum CopilotUsageTemplate {
    public static let fileName = TemplateAssembler.fileName

    /// The report with its `DataFolder` parameter left `null`.
    public static func pack() throws -> PowerBITemplate {
        try PowerBITemplate(package: try TemplateAssembler.package(try TemplateSource()), path: fileName)
    }

    /// The report with `DataFolder` set to `dataFolder` (the folder holding `tables/`).
    public static func pack(dataFolder: String) throws -> PowerBITemplate {
        var template = try pack()
        try template.set([try TemplateSource().model.parameter: dataFolder])
        return template
    }
}
