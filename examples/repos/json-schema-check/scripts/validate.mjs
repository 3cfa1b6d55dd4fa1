#!/usr/bin/env node
// Validates JSON documents against a JSON Schema subset and prints every violation with its path.
import { readFileSync } from 'node:fs';
import { argv, exit, stdout, stderr } from 'node:process';

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', '$defs', 'definitions', 'title', 'description', 'default', 'examples', 'format', 'readOnly', 'writeOnly', 'deprecated']);

class UsageError extends Error {}

const typeOf = (value) => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const matchesType = (value, type) => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

const childPath = (path, key) => (typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

const deepEqual = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const canonical = (value) => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  return value;
};

const resolveRef = (root, ref) => {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const target = match && root[match[1]]?.[decodeURIComponent(match[2])];
  if (!target) throw new UsageError(`unsupported or missing $ref ${JSON.stringify(ref)}: only #/$defs/NAME and #/definitions/NAME are supported`);
  return target;
};

function validate(value, schema, root, path, problems) {
  if (schema === true) return;
  if (schema === false) {
    problems.push({ path, keyword: 'false', message: 'no value is allowed here' });
    return;
  }
  const add = (keyword, message) => problems.push({ path, keyword, message });
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !(keyword in CHECKS)) throw new UsageError(`unsupported schema keyword ${JSON.stringify(keyword)} at ${path}: this validator would not check it`);
  }
  for (const [keyword, check] of Object.entries(CHECKS)) {
    if (keyword in schema) check(value, schema, { root, path, problems, add });
  }
}

const sub = (value, schema, root, path) => {
  const problems = [];
  validate(value, schema, root, path, problems);
  return problems;
};

const CHECKS = {
  $ref: (value, schema, { root, path, problems }) => validate(value, resolveRef(root, schema.$ref), root, path, problems),
  type: (value, schema, { add }) => {
    const types = [schema.type].flat();
    if (!types.some((type) => matchesType(value, type))) add('type', `must be ${types.join(' or ')} (got ${typeOf(value)})`);
  },
  enum: (value, schema, { add }) => {
    if (!schema.enum.some((option) => deepEqual(option, value))) add('enum', `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')} (got ${JSON.stringify(value)})`);
  },
  const: (value, schema, { add }) => {
    if (!deepEqual(schema.const, value)) add('const', `must be ${JSON.stringify(schema.const)}`);
  },
  required: (value, schema, { add }) => {
    if (typeOf(value) !== 'object') return;
    for (const key of schema.required) if (!(key in value)) add('required', `is missing the required property ${JSON.stringify(key)}`);
  },
  properties: (value, schema, { root, path, problems }) => {
    if (typeOf(value) !== 'object') return;
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      if (key in value) validate(value[key], propertySchema, root, childPath(path, key), problems);
    }
  },
  additionalProperties: (value, schema, { root, path, problems }) => {
    if (typeOf(value) !== 'object') return;
    const known = new Set(Object.keys(schema.properties ?? {}));
    for (const key of Object.keys(value)) {
      if (known.has(key)) continue;
      if (schema.additionalProperties === false) problems.push({ path: childPath(path, key), keyword: 'additionalProperties', message: 'is not allowed by the schema (unknown property)' });
      else validate(value[key], schema.additionalProperties, root, childPath(path, key), problems);
    }
  },
  prefixItems: (value, schema, { root, path, problems }) => {
    if (!Array.isArray(value)) return;
    schema.prefixItems.forEach((itemSchema, index) => {
      if (index < value.length) validate(value[index], itemSchema, root, childPath(path, index), problems);
    });
  },
  items: (value, schema, { root, path, problems }) => {
    if (!Array.isArray(value)) return;
    const start = schema.prefixItems?.length ?? 0;
    for (let index = start; index < value.length; index += 1) validate(value[index], schema.items, root, childPath(path, index), problems);
  },
  minItems: (value, schema, { add }) => Array.isArray(value) && value.length < schema.minItems && add('minItems', `must have at least ${schema.minItems} items (got ${value.length})`),
  maxItems: (value, schema, { add }) => Array.isArray(value) && value.length > schema.maxItems && add('maxItems', `must have at most ${schema.maxItems} items (got ${value.length})`),
  uniqueItems: (value, schema, { add }) => {
    if (!schema.uniqueItems || !Array.isArray(value)) return;
    const seen = new Set(value.map((item) => JSON.stringify(canonical(item))));
    if (seen.size !== value.length) add('uniqueItems', 'must not contain duplicate items');
  },
  minimum: (value, schema, { add }) => typeof value === 'number' && value < schema.minimum && add('minimum', `must be >= ${schema.minimum} (got ${value})`),
  maximum: (value, schema, { add }) => typeof value === 'number' && value > schema.maximum && add('maximum', `must be <= ${schema.maximum} (got ${value})`),
  exclusiveMinimum: (value, schema, { add }) => typeof value === 'number' && value <= schema.exclusiveMinimum && add('exclusiveMinimum', `must be > ${schema.exclusiveMinimum} (got ${value})`),
  exclusiveMaximum: (value, schema, { add }) => typeof value === 'number' && value >= schema.exclusiveMaximum && add('exclusiveMaximum', `must be < ${schema.exclusiveMaximum} (got ${value})`),
  multipleOf: (value, schema, { add }) => {
    if (typeof value !== 'number') return;
    const quotient = value / schema.multipleOf;
    if (Math.abs(quotient - Math.round(quotient)) > 1e-9) add('multipleOf', `must be a multiple of ${schema.multipleOf} (got ${value})`);
  },
  minLength: (value, schema, { add }) => typeof value === 'string' && [...value].length < schema.minLength && add('minLength', `must have at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`),
  maxLength: (value, schema, { add }) => typeof value === 'string' && [...value].length > schema.maxLength && add('maxLength', `must have at most ${schema.maxLength} characters (got ${[...value].length})`),
  pattern: (value, schema, { add }) => typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value) && add('pattern', `must match /${schema.pattern}/ (got ${JSON.stringify(value)})`),
  allOf: (value, schema, { root, path, problems }) => schema.allOf.forEach((part) => validate(value, part, root, path, problems)),
  anyOf: (value, schema, { root, path, add }) => {
    if (!schema.anyOf.some((part) => sub(value, part, root, path).length === 0)) add('anyOf', `must match at least one of ${schema.anyOf.length} alternatives`);
  },
  oneOf: (value, schema, { root, path, add }) => {
    const matching = schema.oneOf.filter((part) => sub(value, part, root, path).length === 0).length;
    if (matching !== 1) add('oneOf', `must match exactly one of ${schema.oneOf.length} alternatives (matches ${matching})`);
  },
  not: (value, schema, { root, path, add }) => {
    if (sub(value, schema.not, root, path).length === 0) add('not', 'must not match the schema under `not`');
  },
};

/** Validates `document` against `schema`; returns the list of problems (empty when valid). */
export function check(schema, document) {
  return sub(document, schema, schema, '$');
}

function readJson(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${error.message}`);
  }
}

function main(args) {
  const json = args.includes('--json');
  const files = args.filter((arg) => arg !== '--json');
  if (args.includes('--help') || args.includes('-h') || files.length < 2) {
    (files.length < 2 && !args.includes('--help') ? stderr : stdout).write('Usage: validate.mjs SCHEMA.json DOCUMENT.json [MORE.json ...] [--json]\n');
    return args.includes('--help') || args.includes('-h') ? 0 : 2;
  }
  const [schemaFile, ...documents] = files;
  try {
    const schema = readJson(schemaFile);
    const results = documents.map((file) => ({ file, problems: check(schema, readJson(file)) }));
    if (json) stdout.write(`${JSON.stringify({ schema: schemaFile, results }, null, 2)}\n`);
    else {
      for (const { file, problems } of results) {
        stdout.write(problems.length === 0 ? `${file}: valid\n` : `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
        const width = Math.max(0, ...problems.map((problem) => problem.path.length));
        const keywordWidth = Math.max(0, ...problems.map((problem) => problem.keyword.length));
        for (const problem of problems) stdout.write(`  ${problem.path.padEnd(width)}  ${problem.keyword.padEnd(keywordWidth)}  ${problem.message}\n`);
      }
    }
    return results.every((result) => result.problems.length === 0) ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${argv[1]}` || argv[1]?.endsWith('/validate.mjs')) exit(main(argv.slice(2)));
