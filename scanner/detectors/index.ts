/** Every detector, in id order (the action model's rules come from scanner/intent/rules.yaml). Adding a detector: create `<id>.ts` exporting `detector`, list it here, add samples under scanner/rules/<id>/samples/. */
import { detector as agentHookConfig } from './agent-hook-config.ts';
import { detector as broadDeclaredCapability } from './broad-declared-capability.ts';
import { detector as capabilityInventory } from './capability-inventory.ts';
import { detector as credentialExfiltration } from './credential-exfiltration.ts';
import { detector as hiddenUnicode } from './hidden-unicode.ts';
import { detector as installHook } from './install-hook.ts';
import { detector as longLines } from './long-lines.ts';
import { detector as opaqueArchive } from './opaque-archive.ts';
import { detector as opaqueBinary } from './opaque-binary.ts';
import { detector as opaqueExecutable } from './opaque-executable.ts';
import { detector as remoteCodeEval } from './remote-code-eval.ts';
import { detector as typosquatDependency } from './typosquat-dependency.ts';
import { detector as undeclaredCapability } from './undeclared-capability.ts';
import { detector as unknownEncoding } from './unknown-encoding.ts';
import { detector as unreadablePath } from './unreadable-path.ts';
import { INTENT_DETECTORS } from '../intent/detectors.ts';
import type { Detector } from './types.ts';

/** The detectors the engine runs. */
export const DETECTORS: readonly Detector[] = [
  agentHookConfig,
  broadDeclaredCapability,
  capabilityInventory,
  credentialExfiltration,
  hiddenUnicode,
  installHook,
  longLines,
  opaqueArchive,
  opaqueBinary,
  opaqueExecutable,
  remoteCodeEval,
  typosquatDependency,
  undeclaredCapability,
  unknownEncoding,
  unreadablePath,
  ...INTENT_DETECTORS,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
