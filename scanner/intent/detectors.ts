/**
 * The action model's rules as detectors: metadata from rules.yaml, findings from one analysis of the
 * skill shared by all of them (the model runs once per scan, whichever rule asks first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { RawFinding } from '../model.ts';
import { RuleMetaSchema } from '../rule-schema.ts';
import type { Detector, ScanContext } from '../detectors/types.ts';
import { actionsOf, concealedFileActions, concealedLoaderBlocks, consentGated, decideActions, filledTemplateActions, followedDecoderActions, followedPrinterActions, gatheredFileUploads, instructionsOf, listedFileUploads, parameterTableActions, mailActions, webhookRegistrations, partiesNamedByUser, persistenceJudgements, serversNamedByUser, shellFlowActions, sourcesNamedByUser, withTableHosts, withoutEmptyDecoders, withoutEmptyTemplateParties, withoutOwnTeardowns, type IntentRuleId, type Judgement } from './model.ts';

const RulesFileSchema = z.strictObject({
  /** Format version; only 1 exists. */
  schemaVersion: z.literal(1),
  /** Rule id → metadata (the fields of a rule file, without patterns). */
  rules: z.record(z.string(), RuleMetaSchema.omit({ id: true })),
});

/** Path of the metadata file. */
export const INTENT_RULES_FILE = join(import.meta.dirname, 'rules.yaml');

/** Bumped when the model's logic changes, so cached audits are redone. */
const MODEL_VERSION = 53;

const judged = new WeakMap<ScanContext, Judgement[]>();

function judgementsOf(context: ScanContext): Judgement[] {
  let result = judged.get(context);
  if (!result) {
    const instructions = instructionsOf(context.files, context.segments);
    const actions = withoutEmptyDecoders(withoutEmptyTemplateParties(withoutOwnTeardowns(withTableHosts(actionsOf(instructions), context.files), context.files), context.files), context.files);
    result = [...decideActions([...actions, ...concealedFileActions(actions, instructions), ...mailActions(context.files, context.facts), ...webhookRegistrations(context.files), ...gatheredFileUploads(instructions, context.facts), ...listedFileUploads(context.files), ...concealedLoaderBlocks(context.files), ...withTableHosts(shellFlowActions(context.facts, context.files), context.files), ...filledTemplateActions(context.files, instructions), ...followedDecoderActions(context.files, instructions), ...followedPrinterActions(context.files, instructions, actions), ...parameterTableActions(context.files)], context.declared, { gated: consentGated(context.files), serversNamedByUser: serversNamedByUser(context.files), sourcesNamedByUser: sourcesNamedByUser(context.files), partiesNamedByUser: partiesNamedByUser(context.files) }), ...persistenceJudgements(context.facts, context.declared, context.files)];
    judged.set(context, result);
  }
  return result;
}

function findingsFor(ruleId: IntentRuleId, context: ScanContext): RawFinding[] {
  const seen = new Set<string>();
  const out: RawFinding[] = [];
  for (const judgement of judgementsOf(context)) {
    if (judgement.ruleId !== ruleId) continue;
    const { action } = judgement;
    const key = `${action.file}:${action.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Documentation (a reference file the skill never tells the agent to follow) counts one step lower.
    const severity = action.documentation && judgement.severity === 'critical' ? 'high' : action.documentation && judgement.severity === 'high' ? 'medium' : judgement.severity;
    out.push({
      ruleId,
      file: action.file,
      line: action.line,
      evidence: action.origin === 'decoded' || action.origin === 'hidden' ? `${action.origin === 'decoded' ? 'decoded' : 'hidden'} text: ${action.evidence}` : action.evidence,
      message: judgement.message,
      severity,
    });
  }
  return out;
}

function loadDetectors(): Detector[] {
  const file = RulesFileSchema.parse(parseYaml(readFileSync(INTENT_RULES_FILE, 'utf8')));
  return Object.entries(file.rules)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, meta]) => ({
      version: MODEL_VERSION,
      meta: { id, ...meta },
      detect: (context: ScanContext) => findingsFor(id as IntentRuleId, context),
    }));
}

/** The detectors of the action model, one per rule in rules.yaml. */
export const INTENT_DETECTORS: readonly Detector[] = loadDetectors();
