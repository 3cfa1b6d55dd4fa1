// V8 flags for every process that parses code (the CLI's scan, audit, dryrun and submit; the build; the
// benchmarks). V8 reads them only at start-up, so each of these processes is started with them.
//
// The scanner's tree-sitter grammars are large WebAssembly modules. V8's optimising tier recompiles their hot
// functions in the background and holds about 500 MB while it does, for no gain on files this small; its
// baseline compiler alone keeps a scan near 150 MB and uses less CPU (`npm run bench -- scan`).
// A scan makes much short-lived garbage (one tree per code unit): a young generation of 8 MB collects it as
// cheaply as V8's default of several times that, and keeps the resident set about 50 MB lower. Nothing lives
// from one skill to the next, so the old generation need not grow by V8's default factor between full
// collections: growing it by a fifth keeps the peak resident set of a 1449-skill scan near 225 MB instead of
// 300-340 MB, for a few per cent more CPU, and sets no ceiling a large skill could hit.
export const SCAN_FLAGS = ['--liftoff-only', '--max-semi-space-size=8', '--heap-growing-percent=20'];

// The C library's allocator: V8's compiler and collector threads each get a malloc arena of their own by default,
// and a scan's many short-lived compiler allocations leave each arena holding freed pages. Two arenas kept the peak
// resident set of a 4,117-skill scan at 273 MB instead of 296 MB (BENCHMARKS.md, scan).
export const SCAN_ENV = { MALLOC_ARENA_MAX: '2' };
