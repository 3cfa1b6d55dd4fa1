#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { parse, walk } = require('promql-parser-lite');

const cfg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'assets', 'lint-config.json'), 'utf8'));

function durSeconds(d) {
  if (!d) return 0;
  const m = String(d).match(/^(\d+)(ms|s|m|h|d)$/);
  if (!m) return 0;
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[m[2]];
}

const findings = [];
function report(file, where, level, code, msg) {
  findings.push({ level, line: `${file}:${where}: ${level.toUpperCase()} ${code} ${msg}` });
}

function checkExpr(file, where, expr, rule) {
  let ast;
  try { ast = parse(expr); } catch (e) { report(file, where, 'warn', 'R000', `parse: ${e.message}`); return; }
  walk(ast, (node) => {
    if (node.type === 'Call' && ['rate', 'increase', 'irate'].includes(node.func)) {
      const range = node.args[0] && node.args[0].range;
      if (range && durSeconds(range) < 4 * cfg.scrapeIntervalSeconds) {
        report(file, where, 'warn', 'R004', `${node.func}() window ${range} < 4x scrape interval`);
      }
    }
    if (node.type === 'Call' && node.func === 'absent' && durSeconds(rule.for) < durSeconds(cfg.minAbsentFor)) {
      report(file, where, 'warn', 'R005', `absent() with for: ${rule.for || 'none'}`);
    }
    if (node.type === 'Binary' && ['>', '<', '>=', '<='].includes(node.op) && node.rhs && node.rhs.type === 'Number'
        && !(rule.labels && rule.labels.threshold)) {
      report(file, where, 'warn', 'R008', `magic threshold ${node.rhs.value}`);
    }
  });
}

for (const file of process.argv.slice(2)) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8')) || {};
  for (const group of doc.groups || []) {
    for (const rule of group.rules || []) {
      if (rule.record) {
        const where = `${group.name}/${rule.record}`;
        if (!new RegExp(cfg.recordingRulePattern).test(rule.record)) report(file, where, 'error', 'R007', 'recording rule name not level:metric:operations');
        checkExpr(file, where, rule.expr, rule);
        continue;
      }
      const where = `${group.name}/${rule.alert}`;
      const labels = rule.labels || {};
      const ann = rule.annotations || {};
      if (!rule.for || durSeconds(rule.for) === 0) report(file, where, 'error', 'R001', 'missing for:');
      if (!cfg.severities.includes(labels.severity)) report(file, where, 'error', 'R002', `severity "${labels.severity || ''}" not in ${cfg.severities.join('/')}`);
      if (!ann.runbook_url) report(file, where, 'warn', 'R003', 'no runbook_url');
      if (/\$labels\.(pod|instance)/.test(ann.summary || '')) report(file, where, 'warn', 'R006', 'per-instance label in summary');
      if (!labels.team) report(file, where, 'error', 'R009', 'missing team label');
      checkExpr(file, where, rule.expr, rule);
    }
  }
}

for (const f of findings) console.log(f.line);
const errors = findings.filter((f) => f.level === 'error').length;
process.exit(errors ? 1 : findings.length ? 2 : 0);
