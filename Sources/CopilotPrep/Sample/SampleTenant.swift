import Foundation

/// A synthetic tenant's three raw exports, shaped like the real ones and messy in the same ways,
/// with the numbers a correct build must report (`sample-truth.json`). Deterministic for a seed.
public enum SampleTenant {
    static let firstDay = AuditTimestamp.daysFromCivil(year: 2025, month: 9, day: 1)  // a Monday
    static let apps: [(String, Double)] = [("BizChat", 40), ("Teams", 28), ("Outlook", 10), ("Word", 8), ("Excel", 4),
                                           ("PowerPoint", 3), ("Edge", 3), ("Loop", 1.5), ("OneNote", 1.5), ("Bing", 1)]
    static let otherOperations: [(String, Double)] = [("FileAccessed", 5), ("MailItemsAccessed", 3), ("TeamCopilotInteraction", 1)]

    /// Writes the sample into `folder` (audit exports in `folder/audit/`).
    public static func generate(_ options: SampleOptions, into folder: String) throws -> SampleFiles {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let auditFolder = root.appendingPathComponent("audit")
        var generator = SeededGenerator(seed: options.seed)
        let sizeBytes = options.sizeMB.map { $0 * 1_000_000 }
        let users = sizeBytes.map { max(options.users, $0 / 150_000) } ?? options.users
        let population = SamplePopulation(users: users, generator: &generator)
        let days = sizeBytes == nil ? max(1, options.days) : 60
        // Activity per user-day, scaled so that a size-mode run reaches its size within its days.
        let totalActivity = population.people.reduce(0) { $0 + $1.activity }
        let intensity = sizeBytes.map { Double($0) * 1.4 / (totalActivity * Double(days) * 0.75 * 2.2 * 2_100) } ?? 1.0

        let files = try SampleAuditFiles(folder: auditFolder)
        var counter = SampleTruthCounter()
        var recordNumber = 0
        var longRecordsLeft = sizeBytes == nil ? 3 : 6
        for day in 0..<days {
            if let sizeBytes, files.bytesWritten >= sizeBytes { break }
            var records = activity(on: day, population: population, intensity: intensity, generator: &generator, recordNumber: &recordNumber)
            if longRecordsLeft > 0 && (day % 4 == 2 || day == days - 1), let person = population.people.indices.first(where: { population.people[$0].activity > 0.3 }) {
                // A record with hundreds of grounding resources: its AuditData is longer than an Excel cell.
                var long = SampleRecord(id: guid(&generator), seconds: Int64(firstDay + day) * 86_400 + 50_000, person: person)
                long.thread = thread(&generator)
                long.messages = [.init(id: "\(long.seconds * 1000 + 17)", isPrompt: true), .init(id: "\(long.seconds * 1000 + 4242)", isPrompt: false)]
                long.resources = 420
                records.append(long)
                longRecordsLeft -= 1
            }
            records.sort { $0.seconds < $1.seconds }
            for record in records {
                let person = population.people[record.person]
                let agent = record.agent.map { population.agents[$0] }
                var copies: [(file: Int, truncated: Bool)] = []
                for kind in routes(record, day: day, days: days, sizeMode: sizeBytes != nil) {
                    let truncated = files.write(record, person: person, agent: agent, to: kind)
                    copies.append((kind.rawValue, truncated))
                }
                counter.add(record, copies: copies, userKey: person.upn)
            }
        }
        let auditFiles = try files.finish()

        let licensedURL = root.appendingPathComponent(SampleDirectoryFiles.licensedName)
        let orgURL = root.appendingPathComponent(SampleDirectoryFiles.orgName)
        let licence = try SampleDirectoryFiles.writeLicensed(population, to: licensedURL)
        let orgRows = try SampleDirectoryFiles.writeOrg(population, to: orgURL)

        var truth = SampleTruth(seed: options.seed)
        truth.files = zip(SampleAuditFiles.Kind.allCases, files.rows).map { SampleTruth.File(name: "audit/" + $0.fileName, rows: $1) }
        truth.auditRead = files.rows.reduce(0, +)
        truth.licensedFile = SampleDirectoryFiles.licensedName
        truth.orgFile = SampleDirectoryFiles.orgName
        truth.licensedRows = licence.rows
        truth.licensedUsers = licence.licensed.count
        truth.orgRows = orgRows
        counter.fill(&truth, licensed: licence.licensed)
        let truthURL = root.appendingPathComponent("sample-truth.json")
        try AtomicFile.write(try truth.jsonData(), to: truthURL)
        return SampleFiles(auditFolder: auditFolder.path, auditFiles: auditFiles, licensed: licensedURL.path,
                           org: orgURL.path, truthFile: truthURL.path, truth: truth)
    }

    /// Which exports hold a record of `day`: the two current downloads overlap in the middle of
    /// the range, the classic export repeats the first days, Excel's copy the last day (or, in
    /// size mode, the second day) and every long record, cut.
    static func routes(_ record: SampleRecord, day: Int, days: Int, sizeMode: Bool) -> [SampleAuditFiles.Kind] {
        var kinds: [SampleAuditFiles.Kind] = []
        if day < (2 * days + 2) / 3 { kinds.append(.current) }
        if day >= days / 2 { kinds.append(.currentOverlapping) }
        if day < (sizeMode ? 1 : min(5, days)) { kinds.append(.classic) }
        if day == (sizeMode ? 1 : days - 1) || record.isLong { kinds.append(.excelUnicode) }
        if record.isLong && day == days - 1 { return [.excelUnicode] }  // its only copy is cut: lost
        return kinds
    }

    /// The records of one day: sessions per person from their activity, fewer at weekends.
    private static func activity(on day: Int, population: SamplePopulation, intensity: Double,
                                 generator: inout SeededGenerator, recordNumber: inout Int) -> [SampleRecord] {
        let weekend = day % 7 >= 5
        var records: [SampleRecord] = []
        for (index, person) in population.people.enumerated() {
            let expected = person.activity * (weekend ? 0.2 : 1.0) * intensity * 1.3
            var sessions = Int(expected)
            if generator.chance(expected - Double(sessions)) { sessions += 1 }
            for _ in 0..<sessions {
                let app = generator.weighted(apps)
                let threadId = thread(&generator)
                let agent = (app == "BizChat" || app == "Teams") && generator.chance(0.08) ? generator.below(population.agents.count) : nil
                let turns = generator.weighted([(1, 50.0), (2, 25), (3, 15), (4, 10)])
                let hour = generator.weighted([(8, 8.0), (9, 12), (10, 12), (11, 10), (12, 5), (13, 9), (14, 11), (15, 10), (16, 8), (17, 5), (19, 2), (22, 1)])
                var seconds = Int64(firstDay + day) * 86_400 + Int64(hour * 3600 + generator.below(3600))
                for _ in 0..<turns {
                    if let agent, population.agents[agent].id.hasPrefix("CopilotStudio") {
                        // Copilot Studio logs the runtime first, with no messages.
                        var runtime = SampleRecord(id: guid(&generator), seconds: seconds, person: index, appHost: "m365copilot", thread: threadId)
                        runtime.agent = agent
                        records.append(runtime)
                        seconds += 2 + Int64(generator.below(4))
                    }
                    var record = SampleRecord(id: guid(&generator), seconds: seconds, person: index, appHost: app, thread: threadId)
                    let promptId = seconds * 1000 + Int64(generator.below(1000))
                    record.messages = [.init(id: "\(promptId)", isPrompt: true), .init(id: "\(promptId + 1500 + Int64(generator.below(4000)))", isPrompt: false)]
                    record.resources = generator.weighted([(0, 15.0), (1, 15), (2, 15), (3, 15), (5, 20), (8, 15), (12, 5)])
                    record.webGrounded = app == "BizChat" && generator.chance(0.4) || app == "Edge" || app == "Bing"
                    record.agent = agent
                    records.append(record)
                    recordNumber += 1
                    seconds += 30 + Int64(generator.below(240))
                }
            }
            // Searches not filtered to Copilot bring other operations along.
            if generator.chance(0.03 * intensity * person.activity) {
                var other = SampleRecord(id: guid(&generator), seconds: Int64(firstDay + day) * 86_400 + Int64(generator.below(86_400)), person: index)
                other.operation = generator.weighted(otherOperations)
                if other.operation == "TeamCopilotInteraction" {
                    other.appHost = "Teams"
                    other.thread = thread(&generator)
                    other.messages = [.init(id: "\(other.seconds * 1000)", isPrompt: true)]
                }
                records.append(other)
            }
        }
        return records
    }

    private static func guid(_ generator: inout SeededGenerator) -> String {
        let high = generator.next(), low = generator.next()
        let hex = String(format: "%016llx%016llx", high, low)
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-4" + String(characters[13..<16]) + "-a"
            + String(characters[17..<20]) + "-" + String(characters[20..<32])
    }

    private static func thread(_ generator: inout SeededGenerator) -> String {
        String(format: "19:%016llx%016llx@thread.v2", generator.next(), generator.next())
    }
}
