import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where every command writes what it produces: standard output, or the file `--output` names.
///
/// A file is never replaced by something else:
/// - `-` is standard output;
/// - a symbolic link is followed, and what it points to is written;
/// - a regular file is replaced atomically — a new file beside it (with a short name of its own, so the longest
///   file names still work), renamed over it, so an interrupted run never leaves half a file — and keeps its mode
///   and owner; a file the user may not write is refused;
/// - a file with other hard links, or another user's file, is written in place, so every name of it sees the new
///   text and it keeps its owner;
/// - a FIFO, a character device, a socket or anything under `/dev` or `/proc` (such as `/dev/stdout`) is opened
///   and written into, never replaced;
/// - a directory, or a path whose folder does not exist, is refused with a plain message.
public enum Output {
    /// Writes `data` to standard output, all of it.
    ///
    /// - Throws: ``InputError`` when standard output is closed or full, so a script can tell its output was lost.
    public static func standardOutput(_ data: some Collection<UInt8>) throws(InputError) {
        try writeAll(data, to: STDOUT_FILENO, name: "standard output")
    }

    /// Writes `text` to standard output, all of it; see ``standardOutput(_:)-(Collection<UInt8>)``.
    public static func standardOutput(_ text: String) throws(InputError) {
        try standardOutput(Array(text.utf8))
    }

    /// Writes `data` to `path`, or to standard output for `-`, as the type's documentation describes.
    ///
    /// - Throws: ``InputError`` naming the path and the reason when it cannot be written; nothing at the path
    ///   has changed then.
    public static func write(_ data: Data, to path: String) throws(InputError) {
        guard path != "-" else { return try standardOutput(data) }
        guard !path.isEmpty else { throw InputError("--output: give a file, or - for standard output") }
        let target = try resolvingLinks(path)
        var status = stat()
        if stat(target, &status) != 0 {
            let reason = errno
            guard reason == ENOENT else { throw failure(path, reason) }
            return try replace(target, shownAs: path, with: data, keeping: nil)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw InputError("\(path): is a directory; give a file to write")
        case S_IFREG where !target.hasPrefix("/dev/") && !target.hasPrefix("/proc/"):
            guard access(target, W_OK) == 0 else { throw failure(path, errno) }
            // A file with other names (hard links): replacing it would leave them the old text.
            if status.st_nlink > 1 { return try writeInto(target, shownAs: path, data, truncating: true) }
            return try replace(target, shownAs: path, with: data, keeping: status)
        default:
            // A FIFO, a device, a socket, or a file the system stands for (/dev/stdout): written into.
            try writeInto(target, shownAs: path, data)
        }
    }

    /// The path a chain of symbolic links at `path` ends at (which may not exist yet).
    static func resolvingLinks(_ path: String) throws(InputError) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            if count < 0 {
                if errno == EINVAL || errno == ENOENT { return current }
                throw failure(path, errno)
            }
            let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                let folder = (current as NSString).deletingLastPathComponent
                current = folder.isEmpty ? link : folder + "/" + link
            }
            // The links of the system's own files (/dev/stdout → /proc/self/fd/1 → pipe:[…]) are not followed
            // further: such a file is opened as it is.
            if current.hasPrefix("/proc/") || current.hasPrefix("/dev/") { return current }
        }
        throw InputError("\(path): cannot be written: too many levels of symbolic links")
    }

    /// Writes `data` into a new file beside `target` and renames it over `target`, with the mode and owner of
    /// the file it replaces (`status`), or those a new file gets.
    private static func replace(_ target: String, shownAs path: String, with data: Data, keeping status: stat?)
        throws(InputError)
    {
        let folder = (target as NSString).deletingLastPathComponent
        // A short name: the target's own may already be as long as a name can be.
        var template = Array(((folder.isEmpty ? "." : folder) + "/.squads-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            let reason = errno
            // A folder the user may not write into, with a file they may write: written in place.
            if status != nil, reason == EACCES || reason == EPERM || reason == EROFS {
                return try writeInto(target, shownAs: path, data, truncating: true)
            }
            throw failure(path, reason)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        do throws(InputError) {
            if let status {
                if fchown(descriptor, status.st_uid, status.st_gid) != 0 {
                    // Another user's file that this user may write: a replacement would change its owner, so it
                    // is written in place instead.
                    close(descriptor)
                    return try writeInto(target, shownAs: path, data, truncating: true)
                }
                guard fchmod(descriptor, status.st_mode & 0o7777) == 0 else { throw failure(path, errno) }
            } else {
                let mask = umask(0)
                umask(mask)
                guard fchmod(descriptor, 0o666 & ~mask) == 0 else { throw failure(path, errno) }
            }
            try writeAll(data, to: descriptor, name: path)
            guard fsync(descriptor) == 0 else { throw failure(path, errno) }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(path, errno) }
        guard rename(temporary, target) == 0 else { throw failure(path, errno) }
        finished = true
    }

    /// Opens `target` for writing and writes `data` into it.
    private static func writeInto(_ target: String, shownAs path: String, _ data: Data, truncating: Bool = false)
        throws(InputError)
    {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC | (truncating ? O_TRUNC : 0))
        guard descriptor >= 0 else { throw failure(path, errno) }
        do throws(InputError) {
            try writeAll(data, to: descriptor, name: path)
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw failure(path, errno) }
    }

    private static func writeAll(_ data: some Collection<UInt8>, to descriptor: Int32, name: String)
        throws(InputError)
    {
        let bytes = Array(data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError("cannot write to \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> InputError {
        switch code {
        case EISDIR: InputError("\(path): is a directory; give a file to write")
        case ENOENT, ENOTDIR: InputError("\(path): cannot be written: its folder does not exist")
        case EACCES, EPERM: InputError("\(path): cannot be written: permission denied")
        default: InputError("\(path): cannot be written: \(String(cString: strerror(code)))")
        }
    }
}

/// The system's `write(2)`, out of the reach of ``Output/write(_:to:)``'s name.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
