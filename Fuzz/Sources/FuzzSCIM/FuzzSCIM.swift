import FuzzChecks

/// libFuzzer's entry point: one input, checked by `FuzzChecks.scim(_:)`, which stops the process on any
/// broken promise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSCIM(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzChecks.scim(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}
