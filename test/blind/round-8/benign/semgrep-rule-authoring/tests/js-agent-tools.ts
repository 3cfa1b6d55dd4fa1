import { exec, execFile } from "node:child_process";

export function thumbnail(path: string) {
  // ruleid: child-process-exec-template
  exec(`convert ${path} thumb.png`);
  // ok: child-process-exec-template
  execFile("convert", [path, "thumb.png"]);
}

export function compute(src: string) {
  // ruleid: new-function-dynamic
  return new Function("x", src);
}

declare const server: any;
declare function assertAllowedHost(u: string): string;

server.registerTool("fetch_page", {}, async ({ url }: { url: string }) => {
  // ruleid: tool-input-fetch-ssrf
  const r = await fetch(url);
  return r.text();
});

server.registerTool("fetch_docs", {}, async ({ url }: { url: string }) => {
  // ok: tool-input-fetch-ssrf
  const r = await fetch(assertAllowedHost(url));
  return r.text();
});
