import Foundation
import PackagePlugin

/// Compiles the files of Template/ into the TemplateFiles module, so Template/ stays the only
/// source of truth and the binary carries the report.
///
/// Template/ is itself the module's folder: SwiftPM then lists its files for us and rebuilds
/// when one is added, removed or edited (a folder read by hand would not be tracked).
@main
struct EmbedTemplate: BuildToolPlugin {
    struct MissingDeclaration: Error, CustomStringConvertible {
        var description: String { "Template/EmbeddedTemplate.swift is missing: it declares the enum the template files are added to" }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        // The module's root is the folder of the Swift file declaring `EmbeddedTemplate`
        // (Target.directoryURL needs tools version 6.1, and Path is deprecated).
        guard let declaration = module.sourceFiles(withSuffix: "swift").first(where: { $0.url.lastPathComponent == "EmbeddedTemplate.swift" }) else {
            throw MissingDeclaration()
        }
        let folder = declaration.url.deletingLastPathComponent()
        let templateFiles = module.sourceFiles
            .map(\.url)
            .filter { $0.pathExtension != "swift" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplateFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(templateFiles.count) files of \(folder.lastPathComponent)/",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [output.path, folder.path] + templateFiles.map(\.path),
                inputFiles: templateFiles,
                outputFiles: [output]
            ),
        ]
    }
}
