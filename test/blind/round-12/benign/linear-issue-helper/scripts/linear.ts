#!/usr/bin/env -S npx tsx
// Minimal Linear CLI. Auth: LINEAR_API_KEY (personal API key). Endpoint: https://api.linear.app/graphql
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const ENDPOINT = "https://api.linear.app/graphql";

type Vars = Record<string, unknown>;

async function gql<T>(query: string, variables: Vars = {}): Promise<T> {
  const key = process.env.LINEAR_API_KEY;
  if (!key) {
    console.error("LINEAR_API_KEY is not set (Linear → Settings → Security & access → Personal API keys).");
    process.exit(1);
  }
  const res = await fetch(ENDPOINT, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: key },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!res.ok || body.errors?.length) {
    console.error(`Linear API error (${res.status}): ${body.errors?.map((e) => e.message).join("; ")}`);
    process.exit(1);
  }
  return body.data as T;
}

async function issueByKey(key: string) {
  const data = await gql<{ issue: any }>(
    `query($id: String!) { issue(id: $id) {
        id identifier title description priority url
        state { id name } assignee { name } team { id key name states { nodes { id name type } } }
        comments(last: 10) { nodes { body createdAt user { name } } }
     } }`,
    { id: key }
  );
  if (!data.issue) {
    console.error(`No issue ${key}`);
    process.exit(1);
  }
  return data.issue;
}

const [cmd, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    team: { type: "string" },
    title: { type: "string" },
    "description-file": { type: "string" },
    priority: { type: "string" },
    label: { type: "string", multiple: true },
    body: { type: "string" },
    state: { type: "string" },
  },
});

switch (cmd) {
  case "me": {
    const d = await gql<{ viewer: any; teams: any }>(
      `{ viewer { name email } teams { nodes { key name } } }`
    );
    console.log(`${d.viewer.name} <${d.viewer.email}>`);
    for (const t of d.teams.nodes) console.log(`  ${t.key}\t${t.name}`);
    break;
  }
  case "mine": {
    const d = await gql<{ viewer: any }>(
      `query($filter: IssueFilter) { viewer { assignedIssues(first: 50, filter: $filter, orderBy: updatedAt) {
          nodes { identifier title priority state { name type } }
      } } }`,
      {
        filter: values.state
          ? { state: { name: { eqIgnoreCase: values.state } } }
          : { state: { type: { nin: ["completed", "canceled"] } } },
      }
    );
    for (const i of d.viewer.assignedIssues.nodes) {
      console.log(`${i.identifier.padEnd(10)} ${i.state.name.padEnd(14)} P${i.priority} ${i.title}`);
    }
    break;
  }
  case "show": {
    const i = await issueByKey(positionals[0]);
    console.log(`${i.identifier}: ${i.title}\n${i.url}`);
    console.log(`State: ${i.state.name} | Assignee: ${i.assignee?.name ?? "-"} | Priority: ${i.priority}\n`);
    console.log(i.description ?? "(no description)");
    for (const c of i.comments.nodes) console.log(`\n--- ${c.user?.name ?? "?"} at ${c.createdAt}\n${c.body}`);
    break;
  }
  case "create": {
    if (!values.team || !values.title) {
      console.error("create needs --team and --title");
      process.exit(2);
    }
    const t = await gql<{ teams: any }>(`query($k: String!) { teams(filter: { key: { eq: $k } }) { nodes { id labels { nodes { id name } } } } }`, { k: values.team });
    const team = t.teams.nodes[0];
    if (!team) {
      console.error(`No team with key ${values.team}`);
      process.exit(1);
    }
    const labelIds = (values.label ?? []).map((name) => {
      const l = team.labels.nodes.find((x: any) => x.name.toLowerCase() === name.toLowerCase());
      if (!l) console.error(`warning: label "${name}" not found in team; skipping`);
      return l?.id;
    }).filter(Boolean);
    const description = values["description-file"] ? readFileSync(values["description-file"], "utf8") : undefined;
    const d = await gql<{ issueCreate: any }>(
      `mutation($input: IssueCreateInput!) { issueCreate(input: $input) { success issue { identifier url } } }`,
      {
        input: {
          teamId: team.id,
          title: values.title,
          description,
          priority: values.priority ? Number(values.priority) : undefined,
          labelIds: labelIds.length ? labelIds : undefined,
        },
      }
    );
    console.log(`created ${d.issueCreate.issue.identifier} ${d.issueCreate.issue.url}`);
    break;
  }
  case "comment": {
    if (!values.body) {
      console.error("comment needs --body");
      process.exit(2);
    }
    const i = await issueByKey(positionals[0]);
    await gql(`mutation($input: CommentCreateInput!) { commentCreate(input: $input) { success } }`, {
      input: { issueId: i.id, body: values.body },
    });
    console.log(`commented on ${i.identifier}`);
    break;
  }
  case "move": {
    const i = await issueByKey(positionals[0]);
    const target = i.team.states.nodes.find((s: any) => s.name.toLowerCase() === String(values.state).toLowerCase());
    if (!target) {
      console.error(`State "${values.state}" not in team ${i.team.key}. Valid: ${i.team.states.nodes.map((s: any) => s.name).join(", ")}`);
      process.exit(1);
    }
    await gql(`mutation($id: String!, $s: String!) { issueUpdate(id: $id, input: { stateId: $s }) { success } }`, {
      id: i.id,
      s: target.id,
    });
    console.log(`${i.identifier}: ${i.state.name} → ${target.name}`);
    break;
  }
  default:
    console.error("commands: me | mine | show KEY | create | comment KEY | move KEY");
    process.exit(2);
}
