const base = (process.env.JIRA_BASE_URL ?? "").replace(/\/$/, "");
const auth = Buffer.from(`${process.env.JIRA_EMAIL}:${process.env.JIRA_API_TOKEN}`).toString("base64");

export async function jira(method: string, path: string, body?: unknown): Promise<any> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Basic ${auth}`,
        Accept: "application/json",
        "Content-Type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 429) {
      const wait = Number(res.headers.get("Retry-After") ?? "2");
      await new Promise((r) => setTimeout(r, wait * 1000));
      continue;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`Jira ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : {};
  }
  throw new Error("Jira: rate limited");
}

export function mdToAdf(md: string) {
  const blocks = md.split(/\n{2,}/).map((p) => {
    if (p.startsWith("```")) {
      return { type: "codeBlock", content: [{ type: "text", text: p.replace(/^```\w*\n?|```$/g, "") }] };
    }
    if (/^[-*] /m.test(p)) {
      return {
        type: "bulletList",
        content: p.split("\n").filter(Boolean).map((l) => ({
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: l.replace(/^[-*] /, "") }] }],
        })),
      };
    }
    return { type: "paragraph", content: [{ type: "text", text: p }] };
  });
  return { type: "doc", version: 1, content: blocks };
}

export const site = base;
