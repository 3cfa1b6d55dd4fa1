#!/usr/bin/env node
// Static, non-executing JS deobfuscation passes. Prints transformed source to stdout.
import { readFileSync } from 'node:fs';
import { parse } from '@babel/parser';
import _traverse from '@babel/traverse';
import _generate from '@babel/generator';
import * as t from '@babel/types';

const traverse = _traverse.default ?? _traverse;
const generate = _generate.default ?? _generate;

const src = readFileSync(process.argv[2], 'utf8');
const invisible = [...src.matchAll(/[\u200b-\u200f\u2060-\u2064\u202a-\u202e\ufeff]/g)];
if (invisible.length) {
  console.error(`invisible characters: ${invisible.length} (${[...new Set(invisible.map((m) => 'U+' + m[0].codePointAt(0).toString(16).toUpperCase()))].join(', ')})`);
}

const ast = parse(src, { sourceType: 'unambiguous', errorRecovery: true, plugins: ['jsx'] });
const isStr = (n) => t.isStringLiteral(n);
const allNumLits = (args) => args.every((a) => t.isNumericLiteral(a));

let changed = 0;
traverse(ast, {
  BinaryExpression(p) {
    const { left, right, operator } = p.node;
    if (operator === '+' && isStr(left) && isStr(right)) {
      p.replaceWith(t.stringLiteral(left.value + right.value)); changed++;
    }
  },
  CallExpression(p) {
    const { callee, arguments: args } = p.node;
    // String.fromCharCode(1,2,3)
    if (t.isMemberExpression(callee) && t.isIdentifier(callee.object, { name: 'String' }) &&
        t.isIdentifier(callee.property, { name: 'fromCharCode' }) && allNumLits(args)) {
      p.replaceWith(t.stringLiteral(String.fromCharCode(...args.map((a) => a.value)))); changed++; return;
    }
    // atob("...")
    if (t.isIdentifier(callee, { name: 'atob' }) && args.length === 1 && isStr(args[0])) {
      p.replaceWith(t.stringLiteral(Buffer.from(args[0].value, 'base64').toString('latin1'))); changed++; return;
    }
    // Buffer.from("...", "base64"|"hex").toString()
    if (t.isMemberExpression(callee) && t.isIdentifier(callee.property, { name: 'toString' }) &&
        t.isCallExpression(callee.object)) {
      const inner = callee.object;
      if (t.isMemberExpression(inner.callee) && t.isIdentifier(inner.callee.object, { name: 'Buffer' }) &&
          inner.arguments.length === 2 && isStr(inner.arguments[0]) && isStr(inner.arguments[1]) &&
          ['base64', 'hex'].includes(inner.arguments[1].value)) {
        p.replaceWith(t.stringLiteral(Buffer.from(inner.arguments[0].value, inner.arguments[1].value).toString('utf8'))); changed++; return;
      }
    }
    // ['a','b'].join('')
    if (t.isMemberExpression(callee) && t.isArrayExpression(callee.object) &&
        t.isIdentifier(callee.property, { name: 'join' }) && callee.object.elements.every(isStr) &&
        args.length === 1 && isStr(args[0])) {
      p.replaceWith(t.stringLiteral(callee.object.elements.map((e) => e.value).join(args[0].value))); changed++; return;
    }
    // eval("code") / Function("code")() -> expose next layer as a comment + parsed body
    if ((t.isIdentifier(callee, { name: 'eval' }) && args.length === 1 && isStr(args[0])) ||
        (t.isCallExpression(callee) && t.isIdentifier(callee.callee, { name: 'Function' }) &&
         callee.arguments.length === 1 && isStr(callee.arguments[0]))) {
      const code = isStr(args[0]) ? args[0].value : callee.arguments[0].value;
      try {
        const inner = parse(code, { sourceType: 'unambiguous', errorRecovery: true });
        p.parentPath.addComment('leading', ' ---- unpacked eval/Function layer (not executed) ---- ');
        if (p.parentPath.isExpressionStatement()) { p.parentPath.replaceWithMultiple(inner.program.body); changed++; }
      } catch { /* leave as is */ }
    }
  },
});

console.error(`transformations: ${changed}`);
process.stdout.write(generate(ast, { comments: true, jsescOption: { minimal: true } }).code + '\n');
