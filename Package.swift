// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "briefing",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "briefing", targets: ["briefing"]),
    .library(name: "BriefingTemplates", targets: ["BriefingTemplates"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // `briefing serve` only: pure Swift on sockets, no SwiftNIO; it added 8–18 s to a fresh debug
    // build on 2 cores (35–38 s without it), where Hummingbird would add minutes.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // mimalloc in place of glibc's malloc for the command (not the tests): a build allocates and
    // frees millions of small objects on two threads, where glibc's malloc spent about a tenth of
    // the build's time (see the README's benchmark); `serve` tells it to keep what a rebuild frees.
    // Debian's package has no pkg-config file.
    .systemLibrary(name: "CMimalloc", providers: [.apt(["libmimalloc-dev"])]),
    .target(name: "BriefingMarkdown", dependencies: ["CCmark"]),
    .target(name: "BriefingCore", dependencies: ["Yams"]),
    .target(name: "BriefingTemplates"),
    .target(
      name: "BriefingSite",
      dependencies: [
        "BriefingCore", "BriefingMarkdown", "BriefingTemplates",
      ]
    ),
    .target(
      name: "BriefingServe",
      dependencies: ["BriefingSite", "BriefingCore", .product(name: "FlyingFox", package: "FlyingFox")]
    ),
    .executableTarget(
      name: "briefing",
      dependencies: [
        "BriefingSite", "BriefingCore", "BriefingServe", "CMimalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "BriefingCoreTests", dependencies: ["BriefingCore"]),
    .testTarget(
      name: "BriefingTemplatesTests",
      dependencies: ["BriefingTemplates", .product(name: "Mustache", package: "swift-mustache")],
      exclude: ["spec"]
    ),
    .testTarget(
      name: "BriefingSiteTests", dependencies: ["BriefingSite", "BriefingCore", "BriefingMarkdown"]),
    .testTarget(name: "BriefingServeTests", dependencies: ["BriefingServe", "BriefingSite", "BriefingCore"]),
  ]
)
