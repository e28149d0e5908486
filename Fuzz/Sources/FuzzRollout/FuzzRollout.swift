import FuzzChecks

/// libFuzzer's entry point: one input, checked by `FuzzChecks.rollout(_:)`, which stops the process on any
/// broken promise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRollout(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzChecks.rollout(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}
