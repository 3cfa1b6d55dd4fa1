/** What the registry signs: the audit statement (in-toto v1) and the revocation list. */
import { canonicalJson, parseSha256 } from '../core/index.ts';
import {
  AUDIT_PREDICATE_TYPE,
  AuditStatementSchema,
  IN_TOTO_PAYLOAD_TYPE,
  RevocationListSchema,
  STATEMENT_TYPE,
  type AuditPredicate,
  type AuditStatement,
  type RevocationList,
} from '../schemas/index.ts';
import type { SerializedBundle, Signer } from './signers.ts';

/** DSSE payload type of the signed revocation list. */
export const REVOCATIONS_PAYLOAD_TYPE = 'application/vnd.skill-registry.revocations+json';

/** The in-toto subject name of a skill version: `pkg:skill/<publisher>/<name>@<version>`. */
export function skillSubjectName(publisher: string, name: string, version: string): string {
  return `pkg:skill/${publisher}/${name}@${version}`;
}

/** Builds (and validates) the audit statement for one audited tree. */
export function buildAuditStatement(input: { publisher: string; name: string; version: string; digest: `sha256:${string}`; predicate: AuditPredicate }): AuditStatement {
  const hex = parseSha256(input.digest);
  if (!hex || !input.digest.startsWith('sha256:')) throw new TypeError(`buildAuditStatement: ${JSON.stringify(input.digest)} is not a sha256:<hex> digest.`);
  return AuditStatementSchema.parse({
    _type: STATEMENT_TYPE,
    subject: [{ name: skillSubjectName(input.publisher, input.name, input.version), digest: { sha256: hex } }],
    predicateType: AUDIT_PREDICATE_TYPE,
    predicate: input.predicate,
  });
}

/** Signs an audit statement: a DSSE envelope of type in-toto inside a Sigstore bundle. */
export async function signAttestation(signer: Signer, statement: AuditStatement): Promise<SerializedBundle> {
  const checked = AuditStatementSchema.parse(statement);
  return signer.sign(new TextEncoder().encode(canonicalJson(checked)), IN_TOTO_PAYLOAD_TYPE);
}

/** Signs the revocation list. */
export async function signRevocationList(signer: Signer, list: RevocationList): Promise<SerializedBundle> {
  const checked = RevocationListSchema.parse(list);
  return signer.sign(new TextEncoder().encode(canonicalJson(checked)), REVOCATIONS_PAYLOAD_TYPE);
}
