import Foundation

/// Fills a template's file parameters with the files `build` wrote, matched by the role of the
/// table that reads each parameter (templates name them differently).
public enum TemplateFiller {
    public struct Summary: Sendable, Equatable {
        /// Parameters set, with their values.
        public var filled: [String: String] = [:]
        /// Text parameters like the Microsoft templates' `mySecretSalt` that were left for the user.
        public var unsetSaltLike: [String] = []
        /// Roles whose file no parameter reads.
        public var rolesWithoutParameter: [TemplateFileRole] = []
    }

    /// Sets every parameter whose file role is in `files`, plus the named `extra` values.
    public static func fill(_ template: inout PowerBITemplate, files: [TemplateFileRole: String],
                            extra: [String: String] = [:]) throws -> Summary {
        var summary = Summary()
        var values = extra
        let parameters = try template.parameters()
        for parameter in parameters where values[parameter.name] == nil {
            if let role = parameter.role, let file = files[role] { values[parameter.name] = file }
        }
        summary.rolesWithoutParameter = TemplateFileRole.allCases.filter { role in
            files[role] != nil && !parameters.contains { $0.role == role }
        }
        summary.unsetSaltLike = parameters.filter { $0.isSaltLike && values[$0.name] == nil && $0.value == nil }.map(\.name)
        try template.set(values)
        summary.filled = values
        return summary
    }

    /// A path as it will be on the Windows machine that opens the report: the prefix and the
    /// file's path inside the output folder, joined with backslashes.
    public static func windowsPath(prefix: String, relativePath: String) -> String {
        var base = prefix.replacingOccurrences(of: "/", with: "\\")
        while base.hasSuffix("\\") && base.count > 1 { base.removeLast() }
        let rest = relativePath.replacingOccurrences(of: "/", with: "\\").drop { $0 == "\\" }
        return rest.isEmpty ? base : base + "\\" + rest
    }
}
