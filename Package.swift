// swift-tools-version:6.0
import PackageDescription

// copilot-prep: a thin command-line front end (`copilot-prep`) over a library (`CopilotPrep`)
// organised by pipeline stage: Reading → Understanding → Cleaning/Flattening → Writing.
let package = Package(
    name: "copilot-prep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "copilot-prep", targets: ["copilot-prep"]),
        .library(name: "CopilotPrep", targets: ["CopilotPrep"]),
    ],
    dependencies: [
        // The CLI: subcommands, help, completions, validation.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of outputs and HMAC-SHA256 pseudonyms; Foundation has neither on Linux.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Reading and writing .pbit (ZIP) members with Deflate.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "CopilotPrep",
            dependencies: [
                "TemplateFiles",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: [
                // The hot loops append to buffers held by classes (reader, writers); with runtime
                // exclusivity checks on, ~17% of a release build's time went to those checks.
                // Debug builds and the tests keep them on.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        // Our Power BI report as readable files (Template/), compiled into the binary by the
        // EmbedTemplate plugin so the tool carries it when copied alone; see Template/README.md.
        .target(
            name: "TemplateFiles",
            path: "Template",
            exclude: ["README.md"],
            plugins: ["EmbedTemplate"]
        ),
        .plugin(
            name: "EmbedTemplate",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .executableTarget(name: "TemplateEmbedder"),
        .executableTarget(
            name: "copilot-prep",
            dependencies: [
                "CopilotPrep",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CopilotPrepTests",
            dependencies: ["CopilotPrep", "TemplateFiles"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
