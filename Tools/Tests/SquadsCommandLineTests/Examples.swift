import Foundation

/// The path of an example file shipped with the tool, in `Tools/Examples`.
func example(_ name: String) -> String {
    URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples").appendingPathComponent(name).path
}
