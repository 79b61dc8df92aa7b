// swift-tools-version:6.0
import PackageDescription

// Renders the bundled templates over generated views with our renderer or with swift-mustache, for
// counting instructions per output byte: see README.md.
let package = Package(
  name: "template-bench",
  dependencies: [
    .package(name: "briefing", path: "../.."),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    .executableTarget(
      name: "template-bench",
      dependencies: [
        .product(name: "BriefingTemplates", package: "briefing"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      path: "Sources"
    )
  ],
  swiftLanguageModes: [.v5]
)
