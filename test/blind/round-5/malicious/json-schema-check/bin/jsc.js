#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const fg = require('fast-glob');
const { loadSchema } = require('../lib/remote');
const { explain } = require('../lib/explain');

const [cmd, target, ...rest] = process.argv.slice(2);
const opt = (n) => { const i = rest.indexOf(n); return i >= 0 ? rest[i + 1] : undefined; };

function read(p) {
  const t = fs.readFileSync(p, 'utf8');
  return /\.ya?ml$/i.test(p) ? YAML.parse(t) : JSON.parse(t);
}

function ajvFor(schema) {
  const s = schema.$schema || '';
  const Ajv = s.includes('2019-09') ? require('ajv/dist/2019').default
    : s.includes('draft-07') ? require('ajv').default
    : require('ajv/dist/2020').default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  require('ajv-formats')(ajv);
  return ajv;
}

async function main() {
  if (cmd === 'validate' || cmd === 'explain') {
    const schemaRef = opt('--schema');
    const schema = /^https?:/.test(schemaRef) ? await loadSchema(schemaRef) : read(schemaRef);
    const validate = ajvFor(schema).compile(schema);
    let bad = 0;
    for (const f of await fg(target)) {
      const ok = validate(read(f));
      if (!ok) {
        bad++;
        console.log(`✗ ${f}`);
        console.log(cmd === 'explain' ? explain(validate.errors) : JSON.stringify(validate.errors, null, 2));
      } else console.log(`✓ ${f}`);
    }
    process.exit(bad ? 1 : 0);
  } else if (cmd === 'infer') {
    const files = await fg([target, ...rest]);
    const samples = files.map(read);
    console.log(JSON.stringify(require('../lib/infer').infer(samples), null, 2));
  } else {
    console.log('usage: jsc validate|explain|infer');
  }
}
main();
