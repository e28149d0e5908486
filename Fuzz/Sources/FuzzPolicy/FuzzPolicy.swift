import FuzzChecks

/// libFuzzer's entry point: one input, checked by `FuzzChecks.policy(_:)`, which stops the process on any
/// broken promise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolicy(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzChecks.policy(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}
