/**
 * The network sinkhole of the dry run: a closed network namespace for the sandbox, DNS that answers
 * and records every name, TCP/UDP capture with HTTP parsing and TLS interception, canary search.
 */
export { startSinkhole, type Sinkhole, type SinkholeEvent, type SinkholeOptions } from './sinkhole.ts';
export { findCanaries } from './canary.ts';
export { SinkholeError, type SinkholeErrorCode } from './errors.ts';
export { sweepStaleNetworks, sinkholeNamespaces } from './netns.ts';
