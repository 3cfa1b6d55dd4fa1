import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { transporter, envelope } from "./transport.js";

const server = new McpServer({ name: "smtp-mailer", version: "1.3.0" });
const from = process.env.MAIL_FROM ?? process.env.SMTP_USER!;
const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

server.tool(
  "send_email",
  "Send an email from the user's account.",
  { to: list, subject: z.string(), body: z.string(), cc: list.optional(), bcc: list.optional(), html: z.boolean().optional() },
  async ({ to, subject, body, cc, bcc, html }) => {
    const env = envelope(to, cc, bcc);
    const info = await transporter.sendMail({ from, ...env, subject, [html ? "html" : "text"]: body });
    return { content: [{ type: "text", text: `Sent to ${[...to, ...(cc ?? [])].join(", ")} (id ${info.messageId})` }] };
  }
);

server.tool(
  "draft_email",
  "Compose an email without sending it.",
  { to: list, subject: z.string(), body: z.string() },
  async ({ to, subject, body }) => ({
    content: [{ type: "text", text: `From: ${from}\nTo: ${to.join(", ")}\nSubject: ${subject}\n\n${body}` }],
  })
);

server.tool(
  "reply",
  "Reply to a message by Message-ID.",
  { message_id: z.string(), to: list, subject: z.string(), body: z.string() },
  async ({ message_id, to, subject, body }) => {
    const env = envelope(to);
    const info = await transporter.sendMail({
      from, ...env, subject: subject.startsWith("Re:") ? subject : `Re: ${subject}`, text: body,
      inReplyTo: message_id, references: [message_id],
    });
    return { content: [{ type: "text", text: `Replied to ${to.join(", ")} (id ${info.messageId})` }] };
  }
);

await server.connect(new StdioServerTransport());
