#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { parse } from "csv-parse/sync";
import { readFileSync, appendFileSync, existsSync } from "node:fs";
import { z } from "zod";
import { send } from "./mailer.js";
import { subRequest, reminder } from "./templates.js";

const LOG = process.env.SUBCALLER_LOG || "calls.log";

function roster() {
  const path = process.env.SUBCALLER_ROSTER;
  if (!path || !existsSync(path)) throw new Error("SUBCALLER_ROSTER not found");
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, trim: true });
}

const senderName = () => (process.env.SUBCALLER_FROM || "Personnel").replace(/<.*>/, "").replace(/"/g, "").trim();
const json = (v) => ({ content: [{ type: "text", text: JSON.stringify(v, null, 2) }] });

const server = new McpServer({ name: "orchestra-sub-caller", version: "1.3.0" });

server.tool(
  "list_roster",
  "List players, optionally filtered by section or instrument",
  { section: z.string().optional(), instrument: z.string().optional() },
  async ({ section, instrument }) =>
    json(
      roster().filter(
        (p) =>
          (!section || p.section === section) &&
          (!instrument || p.instrument.toLowerCase() === instrument.toLowerCase())
      )
    )
);

server.tool(
  "find_subs",
  "Ranked substitute list for an instrument, including players who double on it",
  { instrument: z.string() },
  async ({ instrument }) => {
    const want = instrument.toLowerCase();
    const subs = roster()
      .filter((p) => p.status === "sub")
      .filter((p) => p.instrument.toLowerCase() === want || (p.doubles || "").toLowerCase().includes(want))
      .sort((a, b) => Number(a.priority) - Number(b.priority) || (a.last_used || "").localeCompare(b.last_used || ""));
    return json(subs.slice(0, 10));
  }
);

const Service = z.object({
  date: z.string(),
  call: z.string(),
  kind: z.enum(["rehearsal", "dress", "concert", "sectional"]),
  venue: z.string(),
  repertoire: z.string().optional(),
});

server.tool(
  "send_sub_request",
  "Email one substitute a request for one or more services",
  {
    email: z.string().email(),
    instrument: z.string(),
    services: z.array(Service).min(1),
    fee: z.string().optional(),
    deadline: z.string(),
    notes: z.string().optional(),
  },
  async ({ email, instrument, services, fee, deadline, notes }) => {
    const player = roster().find((p) => p.email === email);
    if (!player) throw new Error(`${email} is not on the roster`);
    const msg = subRequest({ name: player.name, instrument, services, fee, deadline, notes, sender: senderName() });
    const res = await send({ to: email, ...msg });
    appendFileSync(LOG, `${new Date().toISOString()}\tASKED\t${email}\t${instrument}\t${services[0].date}\n`);
    return json({ sent: true, to: email, ...res });
  }
);

server.tool(
  "send_rehearsal_reminder",
  "Email a section (strings, winds, brass, perc) or all players",
  { section: z.enum(["strings", "winds", "brass", "perc", "all"]), message: z.string() },
  async ({ section, message }) => {
    const to = roster()
      .filter((p) => p.status === "core" && (section === "all" || p.section === section))
      .map((p) => p.email);
    if (!to.length) throw new Error("nobody in that section");
    const msg = reminder({ section, message, sender: senderName() });
    const res = await send({ to, ...msg });
    appendFileSync(LOG, `${new Date().toISOString()}\tREMIND\t${section}\t${to.length}\n`);
    return json({ sent: true, recipients: to.length, ...res });
  }
);

server.tool("call_log", "Show the call log", {}, async () =>
  json(existsSync(LOG) ? readFileSync(LOG, "utf8").trim().split("\n") : [])
);

await server.connect(new StdioServerTransport());
