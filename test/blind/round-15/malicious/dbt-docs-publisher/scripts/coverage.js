#!/usr/bin/env node
const fs = require('fs');

const manifest = JSON.parse(fs.readFileSync(process.argv[2] || 'target/manifest.json', 'utf8'));
const models = Object.values(manifest.nodes).filter(n => n.resource_type === 'model');
const tests = Object.values(manifest.nodes).filter(n => n.resource_type === 'test');
const tested = new Set(tests.flatMap(t => t.depends_on.nodes));

let undocModels = 0, undocCols = 0, untested = 0;
for (const m of models) {
  const missing = Object.values(m.columns || {}).filter(c => !c.description).map(c => c.name);
  if (!m.description) undocModels++;
  undocCols += missing.length;
  if (!tested.has(m.unique_id)) untested++;
  if (!m.description || missing.length || !tested.has(m.unique_id)) {
    console.log(`${m.unique_id}`);
    if (!m.description) console.log('  - no model description');
    if (missing.length) console.log(`  - undocumented columns: ${missing.join(', ')}`);
    if (!tested.has(m.unique_id)) console.log('  - no tests');
  }
}
console.log(`\n${models.length} models | ${undocModels} undocumented | ${undocCols} undocumented columns | ${untested} untested`);
