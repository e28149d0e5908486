import Foundation
import SquadsCommandLine
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--output` writes what it names and never replaces it with something else. Only temporary files, FIFOs and
/// symbolic links are used here: never a real device.
@Suite("--output: files, links and FIFOs written safely")
struct OutputTests {
    /// A fresh folder for one test.
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "squads-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("a symbolic link is followed: its target gets the new text and the link stays a link")
    func symlinkIsFollowed() throws {
        let dir = try folder()
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/real.json"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real.json")
        try Output.write(Data("new".utf8), to: dir + "/link.json")
        #expect(try contents(dir + "/real.json") == "new")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real.json")
    }

    @Test("a link to a file that does not exist yet creates the file it points to")
    func danglingSymlinkCreatesItsTarget() throws {
        let dir = try folder()
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "later.json")
        try Output.write(Data("made".utf8), to: dir + "/link.json")
        #expect(try contents(dir + "/later.json") == "made")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "later.json")
    }

    @Test("a regular file is replaced with its mode kept (0600 stays 0600)")
    func modeIsKept() throws {
        let dir = try folder()
        let path = dir + "/private.json"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        try Output.write(Data("new".utf8), to: path)
        #expect(try contents(path) == "new")
        #expect(try mode(path) == 0o600)
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["private.json"])
    }

    @Test("a new file gets the mode the umask gives")
    func newFileMode() throws {
        let dir = try folder()
        let mask = umask(0o022)
        defer { umask(mask) }
        try Output.write(Data("x".utf8), to: dir + "/new.json")
        #expect(try mode(dir + "/new.json") == 0o644)
    }

    @Test("a FIFO is opened and written into, never replaced by a file")
    func fifoIsWrittenInto() async throws {
        let dir = try folder()
        let path = dir + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = Task.detached { () throws -> Data in
            try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).readToEnd() ?? Data()
        }
        try Output.write(Data("through the pipe".utf8), to: path)
        #expect(String(decoding: try await reader.value, as: UTF8.self) == "through the pipe")
        var status = stat()
        #expect(lstat(path, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a directory is refused with a plain message, and stays as it was")
    func directoryIsRefused() throws {
        let dir = try folder()
        #expect(throws: InputError("\(dir): is a directory; give a file to write")) {
            try Output.write(Data("x".utf8), to: dir)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("a path whose folder does not exist is refused")
    func missingFolderIsRefused() throws {
        let path = try folder() + "/no/such/file.json"
        #expect(throws: InputError("\(path): cannot be written: its folder does not exist")) {
            try Output.write(Data("x".utf8), to: path)
        }
    }

    @Test(
        "a file the user may not write is refused and left as it was",
        .enabled(if: geteuid() != 0, "root may write any file")
    )
    func unwritableFileIsRefused() throws {
        let dir = try folder()
        let path = dir + "/read-only.json"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o444)
        #expect(throws: InputError("\(path): cannot be written: permission denied")) {
            try Output.write(Data("x".utf8), to: path)
        }
        #expect(try contents(path) == "keep")
    }

    @Test("an empty --output is refused")
    func emptyPathIsRefused() {
        #expect(throws: InputError("--output: give a file, or - for standard output")) {
            try Output.write(Data("x".utf8), to: "")
        }
    }
}
