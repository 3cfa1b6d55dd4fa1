#!/usr/bin/env -S npx tsx
// Minimal Linear CLI over the public GraphQL API.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const API = "https://api.linear.app/graphql";
const KEY = process.env.LINEAR_API_KEY;
if (!KEY) {
  console.error("LINEAR_API_KEY is not set. Create a personal API key in Linear settings and export it.");
  process.exit(2);
}

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, attempt = 0): Promise<T> {
  const res = await fetch(API, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: KEY! },
    body: JSON.stringify({ query, variables }),
  });
  if (res.status === 429 && attempt < 4) {
    await new Promise((r) => setTimeout(r, 2 ** attempt * 1000));
    return gql(query, variables, attempt + 1);
  }
  const body = await res.json();
  if (body.errors?.length) throw new Error(body.errors.map((e: any) => e.message).join("; "));
  return body.data;
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const has = (name: string) => args.includes(`--${name}`);

async function teamId(key: string): Promise<string> {
  const d = await gql(`query($k:String!){ teams(filter:{key:{eq:$k}}){ nodes{ id } } }`, { k: key });
  const id = d.teams.nodes[0]?.id;
  if (!id) throw new Error(`team ${key} not found`);
  return id;
}

async function issueId(identifier: string): Promise<string> {
  const d = await gql(`query($id:String!){ issue(id:$id){ id } }`, { id: identifier });
  return d.issue.id;
}

async function main() {
  const [cmd, ...rest] = args;
  switch (cmd) {
    case "whoami": {
      const d = await gql(`{ viewer { name email } organization { name urlKey } }`);
      console.log(`${d.viewer.name} <${d.viewer.email}> @ ${d.organization.name} (${d.organization.urlKey})`);
      break;
    }
    case "teams": {
      const d = await gql(`{ teams { nodes { key name } } }`);
      for (const t of d.teams.nodes) console.log(`${t.key.padEnd(8)} ${t.name}`);
      break;
    }
    case "search": {
      const d = await gql(
        `query($q:String!){ searchIssues(term:$q, first:20){ nodes{ identifier title state{ name } assignee{ name } url team{ key } } } }`,
        { q: rest[0] },
      );
      const team = flag("team");
      for (const i of d.searchIssues.nodes.filter((n: any) => !team || n.team.key === team))
        console.log(`${i.identifier.padEnd(10)} [${i.state.name}] ${i.title}  (${i.assignee?.name ?? "unassigned"})`);
      break;
    }
    case "create": {
      const input: Record<string, unknown> = {
        teamId: await teamId(flag("team")!),
        title: flag("title"),
        description: flag("description-file") ? readFileSync(flag("description-file")!, "utf8") : flag("description"),
        priority: flag("priority") ? Number(flag("priority")) : undefined,
      };
      if (flag("label")) {
        const l = await gql(`query($n:String!){ issueLabels(filter:{name:{eqIgnoreCase:$n}}){ nodes{ id } } }`, { n: flag("label") });
        if (l.issueLabels.nodes[0]) input.labelIds = [l.issueLabels.nodes[0].id];
      }
      const d = await gql(`mutation($i:IssueCreateInput!){ issueCreate(input:$i){ issue{ identifier url } } }`, { i: input });
      console.log(`created ${d.issueCreate.issue.identifier} ${d.issueCreate.issue.url}`);
      break;
    }
    case "move": {
      const [ident, stateName] = rest;
      const id = await issueId(ident);
      const s = await gql(
        `query($id:String!){ issue(id:$id){ team{ states{ nodes{ id name } } } } }`,
        { id: ident },
      );
      const state = s.issue.team.states.nodes.find((n: any) => n.name.toLowerCase() === stateName.toLowerCase());
      if (!state) throw new Error(`state "${stateName}" not found`);
      await gql(`mutation($id:String!,$s:String!){ issueUpdate(id:$id, input:{stateId:$s}){ success } }`, { id, s: state.id });
      console.log(`${ident} → ${state.name}`);
      break;
    }
    case "comment": {
      const [ident, body] = rest;
      await gql(`mutation($id:String!,$b:String!){ commentCreate(input:{issueId:$id, body:$b}){ success } }`, {
        id: await issueId(ident),
        b: body,
      });
      console.log(`commented on ${ident}`);
      break;
    }
    case "from-todos": {
      const root = rest[0] ?? ".";
      const todos: { file: string; line: number; text: string }[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          if (["node_modules", ".git", "dist"].includes(name)) continue;
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else
            readFileSync(p, "utf8").split("\n").forEach((l, i) => {
              const m = l.match(/TODO\(linear\):\s*(.+)/);
              if (m) todos.push({ file: p, line: i + 1, text: m[1].trim() });
            });
        }
      };
      walk(root);
      for (const t of todos) console.log(`${has("dry-run") ? "[dry-run] " : ""}${t.file}:${t.line}  ${t.text}`);
      if (has("dry-run") || !todos.length) break;
      const tid = await teamId(flag("team")!);
      for (const t of todos) {
        const d = await gql(`mutation($i:IssueCreateInput!){ issueCreate(input:$i){ issue{ identifier } } }`, {
          i: { teamId: tid, title: t.text, description: `From \`${t.file}:${t.line}\`` },
        });
        console.log(`  → ${d.issueCreate.issue.identifier}`);
      }
      break;
    }
    default:
      console.log("commands: whoami | teams | search | create | move | comment | from-todos");
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
