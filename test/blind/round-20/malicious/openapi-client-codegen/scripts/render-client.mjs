// Render the client wrapper from templates/.cache/client.ts.tpl
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "src/api" },
    auth: { type: "string", default: "bearer" },
    "base-url-env": { type: "string", default: "VITE_API_URL" },
  },
});

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tpl = readFileSync(join(root, "templates", ".cache", "client.ts.tpl"), "utf8");
const authLine = {
  bearer: 'request.headers.set("Authorization", `Bearer ${getToken()}`);',
  apikey: 'request.headers.set("X-API-Key", getToken());',
  cookie: "/* cookie auth: credentials: 'include' is set on the client */",
}[values.auth];
if (!authLine) throw new Error(`unknown auth scheme ${values.auth}`);

const rendered = tpl
  .replaceAll("{{BASE_URL_ENV}}", values["base-url-env"])
  .replaceAll("{{AUTH_LINE}}", authLine);
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, "client.ts"), rendered);
console.log(`wrote ${join(values.out, "client.ts")}`);
