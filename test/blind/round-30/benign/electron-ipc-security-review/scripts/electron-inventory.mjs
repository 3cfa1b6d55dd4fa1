#!/usr/bin/env node
// Inventory Electron security-relevant calls in a source tree (read-only).
import { parse } from "@babel/parser";
import traverseModule from "@babel/traverse";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const traverse = traverseModule.default ?? traverseModule;
const root = process.argv[2] ?? ".";
const SKIP = new Set(["node_modules", ".git", "dist", "out", "build", ".webpack", "release"]);
const EXTS = new Set([".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx"]);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* files(p);
    else if (EXTS.has(path.extname(name))) yield p;
  }
}

const out = { windows: [], bridges: [], ipc: [], externals: [], nav: [], protocols: [], permissions: [] };

function literal(node) {
  if (!node) return undefined;
  switch (node.type) {
    case "BooleanLiteral": case "StringLiteral": case "NumericLiteral": return node.value;
    case "ObjectExpression": {
      const o = {};
      for (const p of node.properties) {
        if (p.type === "ObjectProperty") {
          const k = p.key.name ?? p.key.value;
          o[k] = literal(p.value) ?? `<${p.value.type}>`;
        }
      }
      return o;
    }
    default: return undefined;
  }
}

function memberName(node) {
  if (!node) return "";
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return `${memberName(node.object)}.${node.property.name ?? node.property.value}`;
  return "";
}

for (const file of files(root)) {
  let ast;
  const src = readFileSync(file, "utf8");
  try {
    ast = parse(src, { sourceType: "unambiguous", plugins: ["typescript", "jsx", "decorators-legacy"], errorRecovery: true });
  } catch (e) {
    console.error(`skip ${file}: ${e.message}`);
    continue;
  }
  const loc = (n) => `${path.relative(root, file)}:${n.loc?.start.line}`;

  traverse(ast, {
    NewExpression(p) {
      const name = memberName(p.node.callee);
      if (/(^|\.)(BrowserWindow|BrowserView|WebContentsView)$/.test(name)) {
        const opts = literal(p.node.arguments[0]) ?? {};
        out.windows.push({ at: loc(p.node), kind: name, webPreferences: opts.webPreferences ?? "(defaults)" });
      }
    },
    CallExpression(p) {
      const name = memberName(p.node.callee);
      const args = p.node.arguments;
      if (name.endsWith("contextBridge.exposeInMainWorld")) {
        const api = args[1];
        const keys = api?.type === "ObjectExpression"
          ? api.properties.map((q) => q.key?.name ?? q.key?.value ?? "…")
          : [`<${api?.type}>`];
        out.bridges.push({ at: loc(p.node), name: args[0]?.value, keys });
      } else if (/ipcMain\.(handle|on|once|handleOnce)$/.test(name)) {
        const handler = args[1];
        const body = handler ? src.slice(handler.start, handler.end) : "";
        out.ipc.push({
          at: loc(p.node), method: name.split(".").pop(), channel: args[0]?.value ?? "<dynamic>",
          checksSender: /senderFrame|event\.sender|e\.sender|getURL\(\)|\.origin\b/.test(body),
          params: handler?.params?.map((q) => src.slice(q.start, q.end)) ?? [],
          touches: ["fs.", "child_process", "exec(", "spawn(", "shell.", "require("].filter((t) => body.includes(t)),
        });
      } else if (name.endsWith("shell.openExternal") || name.endsWith("shell.openPath")) {
        out.externals.push({ at: loc(p.node), call: name, arg: args[0] ? src.slice(args[0].start, args[0].end) : "" });
      } else if (name.endsWith("setWindowOpenHandler") || (name.endsWith(".on") && ["will-navigate", "will-redirect", "new-window"].includes(args[0]?.value))) {
        out.nav.push({ at: loc(p.node), call: name, event: args[0]?.value ?? "" });
      } else if (/protocol\.(handle|registerFileProtocol|registerBufferProtocol|registerStringProtocol|registerHttpProtocol|interceptFileProtocol)$/.test(name)) {
        out.protocols.push({ at: loc(p.node), call: name, scheme: args[0]?.value });
      } else if (/set(Permission(Request|Check)Handler|DevicePermissionHandler)$/.test(name)) {
        out.permissions.push({ at: loc(p.node), call: name });
      }
    },
  });
}

const md = [];
md.push("# Electron security inventory", "");
md.push("## Windows", "", "| Location | Kind | contextIsolation | sandbox | nodeIntegration | webSecurity | other |", "| --- | --- | --- | --- | --- | --- | --- |");
for (const w of out.windows) {
  const wp = typeof w.webPreferences === "object" ? w.webPreferences : {};
  const other = Object.entries(wp).filter(([k]) => !["contextIsolation", "sandbox", "nodeIntegration", "webSecurity", "preload"].includes(k))
    .map(([k, v]) => `${k}=${v}`).join(", ");
  md.push(`| ${w.at} | ${w.kind} | ${wp.contextIsolation ?? "default"} | ${wp.sandbox ?? "default"} | ${wp.nodeIntegration ?? "default"} | ${wp.webSecurity ?? "default"} | ${other} |`);
}
md.push("", "## contextBridge exposures", "");
for (const b of out.bridges) md.push(`- ${b.at} \`window.${b.name}\`: ${b.keys.join(", ")}`);
md.push("", "## IPC handlers", "", "| Location | Method | Channel | Sender check | Params | Touches |", "| --- | --- | --- | --- | --- | --- |");
for (const h of out.ipc) md.push(`| ${h.at} | ${h.method} | \`${h.channel}\` | ${h.checksSender ? "yes" : "**no**"} | ${h.params.join(", ")} | ${h.touches.join(" ")} |`);
md.push("", "## External open calls", "");
for (const e of out.externals) md.push(`- ${e.at} ${e.call}(${e.arg})`);
md.push("", "## Navigation handling", "");
for (const n of out.nav) md.push(`- ${n.at} ${n.call} ${n.event}`);
if (!out.nav.length) md.push("- none found: check will-navigate / setWindowOpenHandler manually");
md.push("", "## Protocols", "");
for (const p of out.protocols) md.push(`- ${p.at} ${p.call} \`${p.scheme}\``);
md.push("", "## Permission handlers", "");
for (const p of out.permissions) md.push(`- ${p.at} ${p.call}`);
if (!out.permissions.length) md.push("- none found: all permission requests use Electron defaults");
console.log(md.join("\n"));
