import FuzzChecks

/// libFuzzer's entry point: one input, checked by `FuzzChecks.changeLog(_:)`, which stops the process on any
/// broken promise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChangeLog(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzChecks.changeLog(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}
