#if canImport(Glibc)
// `stdout` is a C global; it is only touched once, before any task starts printing.
@preconcurrency import Glibc
#endif

/// Progress shows line by line even when the output goes to a file or a pipe.
func lineBufferedOutput() {
    #if canImport(Glibc)
    setvbuf(stdout, nil, _IOLBF, 0)
    #endif
}
