import CFuzzerDriver

/// The signature libFuzzer calls for every input.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer on `target`, with libFuzzer's command-line flags.
///
/// Why not libFuzzer's own `main`: SwiftPM links every executable on Linux with
/// `--defsym main=<Module>_main` (so that tests can call an executable's entry point), and
/// `-parse-as-library` never emits `<Module>_main`, so the link fails. Each fuzz target
/// therefore defines `<Module>_main` itself (with `@_cdecl`) and hands over to
/// `LLVMFuzzerRunDriver`, libFuzzer's driver behind its `main`.
public func runFuzzer(
    argc: CInt,
    argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    target: FuzzTarget
) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, target)
}
