#!/usr/bin/env node
import nodemailer from "nodemailer";
import { render } from "@react-email/render";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [name, ...rest] = process.argv.slice(2);
const to = rest[rest.indexOf("--to") + 1] || "dev@example.test";
const mod = await import(pathToFileURL(path.resolve("templates", `${name}.tsx`)).href);
const el = mod.default({});
const html = await render(el), text = await render(el, { plainText: true });
const t = nodemailer.createTransport(process.env.SMTP_URL || "smtp://localhost:1025");
const info = await t.sendMail({ from: "preview@example.test", to, subject: `[test] ${name}`, html, text });
console.log("sent", info.messageId);
