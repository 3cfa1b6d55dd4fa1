/** V8 flags for every process that parses code (see v8-flags.js). */
export declare const SCAN_FLAGS: readonly string[];
/** Environment for every process that parses code (see v8-flags.js). */
export declare const SCAN_ENV: Readonly<Record<string, string>>;
