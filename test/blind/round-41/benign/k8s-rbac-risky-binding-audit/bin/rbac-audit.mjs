#!/usr/bin/env node
// Read-only Kubernetes RBAC risk reviewer. Input: kubectl ... -o json list.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: rbac-audit.mjs rbac.json [--json] [--ignore-system]");
  process.exit(2);
}
const asJson = args.includes("--json");
const ignoreSystem = args.includes("--ignore-system");
const items = JSON.parse(readFileSync(file, "utf8")).items ?? [];

const roles = new Map();
for (const it of items) {
  if (it.kind === "ClusterRole") roles.set(`ClusterRole/${it.metadata.name}`, it);
  if (it.kind === "Role") roles.set(`Role/${it.metadata.namespace}/${it.metadata.name}`, it);
}

// Resolve aggregated ClusterRoles from labels present in the dump.
function rulesOf(role) {
  let rules = role.rules ?? [];
  const sel = role.aggregationRule?.clusterRoleSelectors ?? [];
  for (const s of sel) {
    for (const [, r] of roles) {
      if (r.kind !== "ClusterRole") continue;
      const labels = r.metadata.labels ?? {};
      const ok = Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
      if (ok && r !== role) rules = rules.concat(r.rules ?? []);
    }
  }
  return rules;
}

const has = (arr, v) => (arr ?? []).includes("*") || (arr ?? []).includes(v);
const hasAny = (arr, vs) => vs.some((v) => has(arr, v));

function classify(rule, roleName, clusterWide, namespace) {
  const out = [];
  const { verbs, resources, apiGroups } = rule;
  if (has(verbs, "*") && has(resources, "*") && has(apiGroups, "*")) out.push("R2");
  if (hasAny(verbs, ["get", "list", "watch"]) && has(resources, "secrets") && clusterWide) out.push("R3");
  if (has(verbs, "create") && hasAny(resources, ["pods/exec", "pods/attach"])) out.push("R4");
  if (hasAny(verbs, ["escalate", "bind"])) out.push("R5");
  if (has(verbs, "impersonate")) out.push("R6");
  if (has(resources, "nodes/proxy") || (has(verbs, "create") && has(resources, "pods") && (clusterWide || namespace === "kube-system"))) out.push("R7");
  if (has(verbs, "create") && has(resources, "serviceaccounts/token")) out.push("R9");
  if (hasAny(verbs, ["patch", "update"]) && hasAny(resources, ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"])) out.push("R10");
  return out;
}

const findings = [];
for (const b of items) {
  if (b.kind !== "ClusterRoleBinding" && b.kind !== "RoleBinding") continue;
  const ns = b.metadata.namespace;
  const clusterWide = b.kind === "ClusterRoleBinding";
  const ref = b.roleRef;
  const key = ref.kind === "ClusterRole" ? `ClusterRole/${ref.name}` : `Role/${ns}/${ref.name}`;
  const role = roles.get(key);
  for (const s of b.subjects ?? []) {
    const subj = `${s.kind}/${s.namespace ?? ns ?? "-"}/${s.name}`;
    if (ignoreSystem && (s.name.startsWith("system:") && !["system:anonymous", "system:unauthenticated", "system:authenticated"].includes(s.name))) continue;
    const ids = new Set();
    if (ref.name === "cluster-admin" && s.kind === "ServiceAccount") ids.add("R1");
    if (["system:anonymous", "system:unauthenticated"].includes(s.name)) ids.add("R8");
    if (role) for (const r of rulesOf(role)) classify(r, ref.name, clusterWide, ns).forEach((x) => ids.add(x));
    if (ids.size) findings.push({ subject: subj, binding: `${b.kind}/${ns ?? ""}${ns ? "/" : ""}${b.metadata.name}`, role: key, rules: [...ids].sort() });
  }
}

if (asJson) {
  console.log(JSON.stringify(findings, null, 2));
} else {
  const rows = findings.map((f) => [f.subject, f.binding, f.role, f.rules.join(",")]);
  const head = ["SUBJECT", "BINDING", "ROLE", "RULES"];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((c, i) => c.padEnd(w[i])).join("  ");
  console.log(fmt(head));
  rows.forEach((r) => console.log(fmt(r)));
  console.log(`\n${findings.length} risky grant(s).`);
}
process.exitCode = findings.length ? 1 : 0;
