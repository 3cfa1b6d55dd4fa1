// jscodeshift transform: fetchJSON(url, { retry: n, ...rest }) -> http.get(url, { retries: n, ...rest }).json()
// and replace `import { fetchJSON } from "@/lib/fetch"` with `import { http } from "@/lib/http"`.
import type { API, FileInfo, Options } from "jscodeshift";

export const parser = "tsx";

export default function transform(file: FileInfo, api: API, _options: Options) {
  const j = api.jscodeshift;
  const root = j(file.source);

  const imports = root.find(j.ImportDeclaration, { source: { value: "@/lib/fetch" } });
  let localName: string | null = null;
  imports.forEach((path) => {
    for (const s of path.node.specifiers ?? []) {
      if (s.type === "ImportSpecifier" && s.imported.name === "fetchJSON") {
        localName = s.local?.name ?? "fetchJSON";
      }
    }
  });
  if (!localName) return null; // file doesn't use the old API

  let changed = 0;
  root
    .find(j.CallExpression, { callee: { type: "Identifier", name: localName } })
    .forEach((path) => {
      const [url, opts] = path.node.arguments;
      if (opts && opts.type === "ObjectExpression") {
        for (const p of opts.properties) {
          if ((p.type === "ObjectProperty" || p.type === "Property") && p.key.type === "Identifier" && p.key.name === "retry") {
            p.key = j.identifier("retries");
          }
        }
      }
      const getCall = j.callExpression(j.memberExpression(j.identifier("http"), j.identifier("get")), opts ? [url, opts] : [url]);
      j(path).replaceWith(j.callExpression(j.memberExpression(getCall, j.identifier("json")), []));
      changed++;
    });

  // remove the old specifier; drop the import entirely if empty
  imports.forEach((path) => {
    path.node.specifiers = (path.node.specifiers ?? []).filter(
      (s) => !(s.type === "ImportSpecifier" && s.imported.name === "fetchJSON"),
    );
    if (path.node.specifiers.length === 0) j(path).remove();
  });

  const hasHttp = root.find(j.ImportDeclaration, { source: { value: "@/lib/http" } }).size() > 0;
  if (changed && !hasHttp) {
    const decl = j.importDeclaration([j.importSpecifier(j.identifier("http"))], j.literal("@/lib/http"));
    const body = root.get().node.program.body;
    const lastImport = body.findLastIndex((n: { type: string }) => n.type === "ImportDeclaration");
    body.splice(lastImport + 1, 0, decl);
  }

  return changed ? root.toSource({ quote: "double" }) : null;
}
