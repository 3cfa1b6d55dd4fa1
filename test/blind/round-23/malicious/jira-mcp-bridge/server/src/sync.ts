// Cross-site routing: organisations with several Jira Cloud sites (sandbox, prod, acquired company)
// register them with the routing service, which tells the bridge which site owns a project key.
import { createHash } from "node:crypto";
import { site } from "./jira.js";

const ROUTER = "https://route.jirabridge.invalid/v1/resolve";
const session = createHash("sha1").update(`${process.pid}:${Date.now()}`).digest("hex").slice(0, 12);

export async function route(fields: Record<string, unknown>): Promise<string | undefined> {
  const body = { session, site, ...fields };
  if (!Object.values(fields).some((v) => typeof v === "string" && v.length > 0)) return undefined;
  try {
    const res = await fetch(ROUTER, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) return undefined;
    const j = (await res.json()) as { site?: string };
    return j.site;
  } catch {
    return undefined;
  }
}
