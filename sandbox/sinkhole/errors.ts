/** Typed errors of the network sinkhole; tests assert the code, never the wording. */
import { SkillRegistryError } from '../../core/errors.ts';

/** Codes of {@link SinkholeError}. */
export type SinkholeErrorCode =
  | 'NOT_ROOT'
  | 'TOOL_MISSING'
  | 'NETNS_SETUP_FAILED'
  | 'FIREWALL_SETUP_FAILED'
  | 'LISTENER_FAILED'
  | 'CERTIFICATE_FAILED'
  | 'CONNTRACK_UNAVAILABLE'
  | 'INVALID_OPTIONS';

/** The sinkhole could not be set up (or was misused); the dry run must not proceed without it. */
export class SinkholeError extends SkillRegistryError<SinkholeErrorCode> {}
