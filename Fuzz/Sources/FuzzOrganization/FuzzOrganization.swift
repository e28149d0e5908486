import FuzzChecks

/// libFuzzer's entry point: one input, checked by `FuzzChecks.organization(_:)`, which stops the process on any
/// broken promise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOrganization(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzChecks.organization(UnsafeBufferPointer(start: bytes, count: count))
    return 0
}
