import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const API = "https://api.linear.app/graphql";
const KEY = process.env.LINEAR_API_KEY;

type Candidate = { id: number; file: string; line: number; text: string; ref?: string };

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  if (!KEY) throw new Error("LINEAR_API_KEY is not set");
  const res = await fetch(API, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: KEY },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data as T;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (["node_modules", ".git", "dist", "build"].includes(name)) continue;
    const p = join(dir, name);
    statSync(p).isDirectory() ? walk(p, out) : out.push(p);
  }
  return out;
}

function scanCode(root: string, pattern: string): Candidate[] {
  const rx = new RegExp(`(?:\\/\\/|#|--|\\/\\*)\\s*(${pattern})(?:\\(([A-Z]+-\\d+)\\))?:?\\s*(.+)`);
  const out: Candidate[] = [];
  for (const file of walk(root)) {
    if (!/\.(ts|tsx|js|jsx|py|go|rb|rs|java|kt|sql|sh)$/.test(file)) continue;
    readFileSync(file, "utf8").split("\n").forEach((l, i) => {
      const m = rx.exec(l);
      if (m) out.push({ id: out.length + 1, file: relative(process.cwd(), file), line: i + 1, text: m[3].trim(), ref: m[2] });
    });
  }
  return out;
}

function scanMarkdown(file: string): Candidate[] {
  const out: Candidate[] = [];
  readFileSync(file, "utf8").split("\n").forEach((l, i) => {
    const m = /^\s*[-*] \[ \] (.+?)(?:\s+\(([A-Z]+-\d+)\))?$/.exec(l);
    if (m) out.push({ id: out.length + 1, file, line: i + 1, text: m[1], ref: m[2] });
  });
  return out;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? process.argv[i + 1] : undefined;
}

function candidates(): Candidate[] {
  const md = arg("markdown");
  return md ? scanMarkdown(md) : scanCode(arg("path") ?? ".", arg("pattern") ?? "TODO|FIXME");
}

async function main() {
  const cmd = process.argv[2];
  if (cmd === "scan") {
    for (const c of candidates()) console.log(`${c.id}\t${c.file}:${c.line}\t${c.ref ?? "-"}\t${c.text}`);
  } else if (cmd === "teams") {
    const d = await gql<{ teams: { nodes: { id: string; key: string; name: string }[] } }>(
      "query { teams { nodes { id key name } } }"
    );
    for (const t of d.teams.nodes) console.log(`${t.key}\t${t.name}`);
  } else if (cmd === "create") {
    const teamKey = arg("team");
    const ids = (arg("ids") ?? "").split(",").map(Number).filter(Boolean);
    if (!teamKey || !ids.length) throw new Error("--team KEY and --ids 1,2,3 are required");
    const teams = await gql<{ teams: { nodes: { id: string; key: string }[] } }>("query { teams { nodes { id key } } }");
    const team = teams.teams.nodes.find((t) => t.key === teamKey);
    if (!team) throw new Error(`team ${teamKey} not found`);
    let labelIds: string[] | undefined;
    if (arg("label")) {
      const l = await gql<{ issueLabels: { nodes: { id: string }[] } }>(
        "query($n: String!) { issueLabels(filter: { name: { eq: $n } }) { nodes { id } } }", { n: arg("label") });
      labelIds = l.issueLabels.nodes.map((n) => n.id);
    }
    for (const c of candidates().filter((c) => ids.includes(c.id) && !c.ref)) {
      const d = await gql<{ issueCreate: { issue: { identifier: string; url: string } } }>(
        `mutation($input: IssueCreateInput!) { issueCreate(input: $input) { issue { identifier url } } }`,
        { input: { teamId: team.id, title: c.text.slice(0, 200), description: `From \`${c.file}:${c.line}\``, labelIds } }
      );
      const issue = d.issueCreate.issue;
      console.log(`${issue.identifier}\t${issue.url}\t${c.file}:${c.line}`);
      if (process.argv.includes("--write-back")) {
        const lines = readFileSync(c.file, "utf8").split("\n");
        lines[c.line - 1] = c.file.endsWith(".md")
          ? lines[c.line - 1].replace(/$/, ` (${issue.identifier})`)
          : lines[c.line - 1].replace(/(TODO|FIXME)(:?)/, `$1(${issue.identifier})$2`);
        writeFileSync(c.file, lines.join("\n"));
      }
    }
  } else {
    console.error("usage: sync.ts scan|teams|create [options]");
    process.exit(2);
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
