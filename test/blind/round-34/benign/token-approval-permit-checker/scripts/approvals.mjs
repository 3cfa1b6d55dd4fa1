#!/usr/bin/env node
// Read-only: lists approvals for a public address and decodes permit typed data.
import { readFileSync } from "node:fs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, arr) => {
    if (a.startsWith("--")) acc.push([a.slice(2), arr[i + 1] && !arr[i + 1].startsWith("--") ? arr[i + 1] : true]);
    return acc;
  }, [])
);

const ES = "https://api.etherscan.io/v2/api";
const KEY = process.env.ETHERSCAN_API_KEY || "";
const RPC = process.env.RPC_URL || "https://ethereum-rpc.publicnode.com";
const APPROVAL = "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925";
const APPROVAL_ALL = "0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31";
const PERMIT2 = "0x000000000022d473030f116ddee9f6b43ac78ba3";
const MAXISH = 2n ** 255n;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pad = (a) => "0x" + a.toLowerCase().replace(/^0x/, "").padStart(64, "0");

async function es(params) {
  const q = new URLSearchParams({ chainid: String(args.chain || 1), ...params, apikey: KEY });
  const r = await fetch(`${ES}?${q}`);
  const j = await r.json();
  await sleep(Number(args.sleep || 220));
  return j.result;
}

async function rpc(method, params) {
  const r = await fetch(RPC, { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const j = await r.json();
  if (j.error) throw new Error(j.error.message);
  return j.result;
}

async function listApprovals(owner) {
  if (!/^0x[0-9a-fA-F]{40}$/.test(owner)) throw new Error("--address must be a 0x… public address");
  const rows = new Map();
  for (const topic0 of [APPROVAL, APPROVAL_ALL]) {
    const logs = await es({ module: "logs", action: "getLogs", fromBlock: String(args["from-block"] || 0),
      toBlock: "latest", topic0, topic0_1_opr: "and", topic1: pad(owner) });
    for (const l of Array.isArray(logs) ? logs : []) {
      const spender = "0x" + l.topics[2].slice(26);
      rows.set(`${l.address}|${spender}|${topic0 === APPROVAL_ALL}`, { token: l.address, spender, all: topic0 === APPROVAL_ALL, block: parseInt(l.blockNumber, 16) });
    }
  }
  const out = [];
  for (const row of rows.values()) {
    const flags = [];
    try {
      if (row.all) {
        const r = await rpc("eth_call", [{ to: row.token, data: "0xe985e9c5" + pad(owner).slice(2) + pad(row.spender).slice(2) }, "latest"]);
        if (BigInt(r) === 0n) continue;
        flags.push("ALL-NFTS");
        row.value = "all";
      } else {
        const r = await rpc("eth_call", [{ to: row.token, data: "0xdd62ed3e" + pad(owner).slice(2) + pad(row.spender).slice(2) }, "latest"]);
        const v = BigInt(r);
        if (v === 0n) continue;
        row.value = v >= MAXISH ? "unlimited" : v.toString();
        if (v >= MAXISH) flags.push("UNLIMITED");
      }
    } catch { row.value = "?"; }
    const code = await rpc("eth_getCode", [row.spender, "latest"]);
    if (code === "0x") flags.push("EOA-SPENDER");
    else {
      const src = await es({ module: "contract", action: "getsourcecode", address: row.spender });
      row.name = src?.[0]?.ContractName || "";
      if (!row.name) flags.push("UNVERIFIED");
    }
    if (row.spender.toLowerCase() === PERMIT2) flags.push("PERMIT2");
    out.push({ ...row, flags });
  }
  console.log(`# Approvals for ${owner} (chain ${args.chain || 1})\n`);
  console.log("| token | spender | name | allowance | since block | flags |\n|---|---|---|---|---|---|");
  for (const r of out) console.log(`| ${r.token} | ${r.spender} | ${r.name || ""} | ${r.value} | ${r.block} | ${r.flags.join(" ")} |`);
  console.log(`\n${out.length} live approvals; ${out.filter((r) => r.flags.length).length} flagged.`);
}

function decode(path) {
  const td = JSON.parse(readFileSync(path, "utf8"));
  const t = td.primaryType, m = td.message || {}, d = td.domain || {};
  const warn = [];
  const when = (s) => (s ? new Date(Number(s) * 1000).toISOString().slice(0, 10) : "?");
  const farOut = (s) => Number(s) * 1000 - Date.now() > 30 * 86400e3;
  let summary = `${t} on chain ${d.chainId} via ${d.verifyingContract} (${d.name || "?"})`;
  if (t === "Permit" && "value" in m) {
    const unl = BigInt(m.value) >= MAXISH;
    summary += `\nLets ${m.spender} spend ${unl ? "UNLIMITED" : m.value} of ${d.name} from ${m.owner} until ${when(m.deadline)}.`;
    if (unl) warn.push("unlimited value");
    if (farOut(m.deadline)) warn.push("deadline > 30 days");
  } else if (t === "Permit" && "allowed" in m) {
    summary += `\nDAI-style permit: ${m.allowed ? "UNLIMITED" : "revoke"} allowance for ${m.spender} until ${when(m.expiry)}.`;
    if (m.allowed) warn.push("unlimited (DAI-style)");
  } else if (t === "PermitSingle" || t === "PermitBatch") {
    const det = [].concat(m.details || []);
    summary += `\nPermit2 allowance for spender ${m.spender}, sig valid until ${when(m.sigDeadline)}:`;
    for (const x of det) summary += `\n  - token ${x.token}: amount ${BigInt(x.amount) >= 2n ** 159n ? "UNLIMITED" : x.amount}, expires ${when(x.expiration)}`;
    if (det.length > 2) warn.push(`batch covers ${det.length} tokens`);
    if (det.some((x) => BigInt(x.amount) >= 2n ** 159n)) warn.push("unlimited Permit2 amount");
  } else if (t === "PermitTransferFrom" || t === "PermitBatchTransferFrom") {
    const p = [].concat(m.permitted || []);
    summary += `\nOne-shot Permit2 transfer by ${m.spender}: ${p.map((x) => `${x.amount} of ${x.token}`).join(", ")}; deadline ${when(m.deadline)}.`;
    if (p.length > 2) warn.push(`transfers ${p.length} tokens at once`);
  } else if (t === "OrderComponents") {
    const cons = m.consideration || [];
    const toOthers = cons.filter((c) => c.recipient?.toLowerCase() !== String(m.offerer).toLowerCase());
    summary += `\nSeaport order: offers ${(m.offer || []).length} item(s); consideration ${cons.length} item(s).`;
    if (!cons.some((c) => c.recipient?.toLowerCase() === String(m.offerer).toLowerCase())) warn.push("you receive nothing in this order");
    if (toOthers.length === cons.length && cons.length) warn.push("all consideration goes to other addresses");
  } else {
    summary += "\nUnrecognised type — read every field before signing.";
  }
  console.log(summary);
  console.log(warn.length ? `\nWARNINGS:\n- ${warn.join("\n- ")}` : "\nNo red flags from the decoder (still check the spender).");
}

if (args.decode) decode(args.decode);
else if (args.address) await listApprovals(args.address);
else console.log("usage: approvals.mjs --address 0x… [--chain 1] | --decode request.json");
