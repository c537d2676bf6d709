import Foundation

/// Runs `check` (read and report) or `build` (read, clean, flatten and write) over the three
/// inputs. The command line only maps flags to `BuildOptions` and prints the outcome.
public enum BuildJob {
    public static func run(_ options: BuildOptions) -> BuildOutcome {
        var log = DiagnosticLog()
        var report = BuildReport()
        do {
            return try execute(options, log: &log, report: &report)
        } catch let error as CopilotPrepError {
            log.add(.error, "stopped", file: error.file, line: error.line, error.message)
        } catch {
            log.add(.error, "stopped", "\(error.localizedDescription)")
        }
        report.findings = log.sorted
        return BuildOutcome(report: report, outputFolder: nil)
    }

    private static func execute(_ options: BuildOptions, log: inout DiagnosticLog, report: inout BuildReport) throws -> BuildOutcome {
        // 1. Every input opens and has the columns it needs, before anything is written.
        let auditFiles = try InputFiles.auditFiles(options.audit)
        var layouts: [String: AuditExportLayout] = [:]
        for path in auditFiles + [options.licensed, options.org] {
            do {
                let reader = try CSVReader(url: URL(fileURLWithPath: path), displayPath: path)
                if auditFiles.contains(path) {
                    guard let layout = AuditExportLayout(header: reader.header) else {
                        throw CopilotPrepError(file: path, line: reader.line,
                                               "no AuditData column, so this is not a Purview audit export; the header has \(HeaderMap(reader.header).listed)")
                    }
                    layouts[path] = layout
                }
            } catch let error as CopilotPrepError {
                log.add(.error, "unreadableInput", file: error.file ?? path, line: error.line, error.message)
            }
        }
        var templates: [PowerBITemplate] = []
        for path in options.templates {
            do {
                let template = try PowerBITemplate.read(path)
                _ = try template.parameters()
                templates.append(template)
            } catch let error as CopilotPrepError {
                log.add(.error, "unreadableTemplate", file: error.file ?? path, line: error.line, error.message)
            }
        }
        if log.hasErrors {
            report.findings = log.sorted
            return BuildOutcome(report: report, outputFolder: nil)
        }

        // 2. The output folder, only for build.
        let folder = try options.output.map {
            try OutputFolder.prepare($0, inputs: auditFiles + [options.licensed, options.org], force: options.force)
        }
        defer { folder?.waitForDiscardedOutputs() }
        let pseudonymizer = try options.pseudonymizeKeyFile.map { Pseudonymizer(key: try PseudonymKey.load(from: $0)) }
        let quarantine = try Quarantine(writingTo: folder?.url.appendingPathComponent(OutputFolder.quarantineName),
                                        keepsRawRows: pseudonymizer == nil)

        // 3. Users first: the metrics need licences and departments.
        let licensed = try LicensedUserReader.read(try open(options.licensed), quarantine: quarantine, log: &log)
        let org = try OrgDirectoryReader.read(try open(options.org), quarantine: quarantine, log: &log)

        pseudonymizer?.register(users: org.people.map(\.key) + licensed.users.map(\.key))
        let labels = UserLabels(pseudonymizer: pseudonymizer, departments: DepartmentGrouping(org: org, minimumSize: options.minGroupSize))

        // 4. The audit exports, in the order given.
        let work = try WorkFolder(inside: folder?.url)
        let usage = UsageAccumulator(workFolder: work)
        let activities = try folder.map { try ActivitiesWriter(folder: $0.url) }
        let tables = try folder.map { try TidyTablesWriter(folder: $0.tables, labels: labels) }
        let processor = AuditProcessor(usage: usage, activities: activities, tables: tables, quarantine: quarantine, labels: labels,
                                      workFolder: work)
        var inputs: [InputSummary] = []
        let totalBytes = auditFiles.reduce(Int64(0)) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int64) ?? 0) }
        var bytesBefore: Int64 = 0
        for path in auditFiles {
            let reader = try open(path)
            let layout = layouts[path]!
            let before = processor.accounting.read
            try processor.process(reader, layout: layout, log: &log,
                                  progress: options.progress.map { report in { [bytesBefore] in report(bytesBefore + $0, totalBytes) } })
            bytesBefore += reader.fileSize
            inputs.append(InputSummary(path: path, role: .audit, encoding: reader.dialect.encoding.rawValue,
                                       delimiter: reader.dialect.delimiterName, layout: layout.kind.rawValue,
                                       rows: processor.accounting.read - before))
        }
        processor.summarize(into: &log)
        let totals = try usage.finish()
        if totals.repeatedPromptPairs > 0 {
            log.add(.info, "repeatedPrompt",
                    "\(totals.repeatedPromptPairs) prompt(s) appeared in more than one record (same thread and message id); each is counted once")
        }
        CrossFileFindings.add(usage: usage, files: processor.files, licensed: licensed, org: org, labels: labels, into: &log)

        report.inputs = inputs + [licensed.input, org.input].compactMap { $0 }
        report.accounting = BuildReport.Accounting(audit: processor.accounting, licensed: licensed.accounting, org: org.accounting)
        report.metrics = try usage.metrics(licensed: licensed, org: org, labels: labels)
        report.quarantinedByReason = quarantine.countByReason

        // 5. The outputs.
        guard let folder, let activities, let tables else {
            report.findings = log.sorted
            return BuildOutcome(report: report, outputFolder: nil)
        }
        var outputs: [OutputSummary] = []
        outputs.append(try activities.finish())
        outputs.append(try LicensedUsersWriter.write(licensed, folder: folder.url, labels: labels))
        let orgResult = try OrgDataWriter.write(org, folder: folder.url, labels: labels)
        outputs.append(orgResult.output)
        if orgResult.valuesWithUnmappableCharacters > 0 {
            log.add(.warning, "notInCodePage1252", file: orgResult.output.path,
                    "\(orgResult.valuesWithUnmappableCharacters) value(s) have characters that code page 1252 (how the templates read this file) cannot hold; they are written as '?'. The tidy tables keep them intact")
        }
        if orgResult.valuesWithSeparators > 0 {
            log.add(.info, "separatorReplaced", file: orgResult.output.path,
                    "\(orgResult.valuesWithSeparators) value(s) held a comma, quote or line break, which the templates' reader would split on; replaced by look-alikes (‚ ” space)")
        }
        let tableOutputs = try tables.finish(usage: usage, licensed: licensed, org: org, accounting: [
            (.audit, processor.accounting), (.licensed, licensed.accounting), (.org, org.accounting),
        ])
        if let quarantined = try quarantine.finish() { outputs.append(quarantined) }
        outputs += try fillTemplates(templates, folder: folder, options: options, log: &log)
        let orderedTables = TidyTable.allCases.compactMap { table in tableOutputs[table].map { (table, $0) } }
        outputs += orderedTables.map(\.1)
        report.tables = orderedTables.map { BuildReport.TableSummary(name: $0.0.rawValue, rows: $0.1.rows) }
        report.tidyRows = orderedTables.filter { TidyTablesWriter.streamed.contains($0.0) }.reduce(0) { $0 + $1.1.rows }
        report.rowsInTemplateLayout = processor.rowsInTemplateLayout
        report.outputs = outputs.map { output in
            var relative = output
            relative.path = String(output.path.dropFirst(folder.url.path.count + 1))
            return relative
        }
        report.findings = log.sorted
        try AtomicFile.write(try report.jsonData(), to: folder.url.appendingPathComponent(OutputFolder.reportName))
        return BuildOutcome(report: report, outputFolder: folder.url.path)
    }

    /// Writes a filled copy of each template into the output folder, under its own file name,
    /// its file parameters set (by the role of the table that reads them) to the files just written.
    private static func fillTemplates(_ templates: [PowerBITemplate], folder: OutputFolder, options: BuildOptions,
                                      log: inout DiagnosticLog) throws -> [OutputSummary] {
        let written: [TemplateFileRole: String] = [.audit: ActivitiesWriter.fileName, .licensed: LicensedUsersWriter.fileName,
                                                   .org: OrgDataWriter.fileName]
        let files = written.mapValues { name in
            options.templatePathPrefix.map { TemplateFiller.windowsPath(prefix: $0, relativePath: name) }
                ?? folder.url.appendingPathComponent(name).path
        }
        var outputs: [OutputSummary] = []
        // Our own report, over tables/, with DataFolder set to the output folder.
        let dataFolder = options.templatePathPrefix.map { TemplateFiller.windowsPath(prefix: $0, relativePath: "") } ?? folder.url.path
        let ownDestination = folder.url.appendingPathComponent(CopilotUsageTemplate.fileName)
        try CopilotUsageTemplate.pack(dataFolder: dataFolder).write(to: ownDestination.path)
        outputs.append(OutputSummary(path: ownDestination.path, rows: 0, sha256: SHA256Text.hex(of: try Data(contentsOf: ownDestination))))
        for var template in templates {
            let name = URL(fileURLWithPath: template.path).lastPathComponent
            guard name != CopilotUsageTemplate.fileName else {
                throw CopilotPrepError(file: template.path, "has the name of copilot-prep's own report, which build writes; rename the template")
            }
            let summary = try TemplateFiller.fill(&template, files: files, extra: options.templateValues)
            let destination = folder.url.appendingPathComponent(name)
            try template.write(to: destination.path)
            let data = try Data(contentsOf: destination)
            outputs.append(OutputSummary(path: destination.path, rows: 0, sha256: SHA256Text.hex(of: data)))
            let filled = summary.filled.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            log.add(.info, "templateFilled", file: destination.path, "template filled: \(filled.isEmpty ? "no parameter" : filled) set")
            for salt in summary.unsetSaltLike {
                log.add(.warning, "templateParameterLeft", file: destination.path,
                        "parameter '\(salt)' is left for you to enter when Power BI Desktop asks (or pass --set \"\(salt)=...\")")
            }
            for role in summary.rolesWithoutParameter {
                log.add(.warning, "templateRoleUnused", file: destination.path, "no parameter of this template reads the \(role.rawValue) file")
            }
        }
        return outputs
    }

    private static func open(_ path: String) throws -> CSVReader {
        try CSVReader(url: URL(fileURLWithPath: path), displayPath: path)
    }
}
