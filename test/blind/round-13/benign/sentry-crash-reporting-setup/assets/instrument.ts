// Loaded before any other module so Sentry can instrument them.
import * as Sentry from "@sentry/node";

const SENSITIVE_HEADERS = ["authorization", "cookie", "set-cookie", "x-api-key", "proxy-authorization"];
const SENSITIVE_QUERY = /([?&](?:[^=&]*(?:token|key|secret|password|sig)[^=&]*)=)[^&]*/gi;
const SECRETISH = /(bearer\s+[a-z0-9._-]+|ghp_[a-z0-9]{36}|AKIA[0-9A-Z]{16}|sk_(live|test)_[a-z0-9]+)/i;

if (process.env.SENTRY_DSN) {
  Sentry.init({
    dsn: process.env.SENTRY_DSN,
    environment: process.env.SENTRY_ENVIRONMENT ?? process.env.NODE_ENV ?? "development",
    release: process.env.SENTRY_RELEASE ?? process.env.GIT_SHA,
    sendDefaultPii: false,
    tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE ?? 0),

    beforeSend(event) {
      const req = event.request;
      if (req) {
        if (req.headers) {
          for (const h of Object.keys(req.headers)) {
            if (SENSITIVE_HEADERS.includes(h.toLowerCase())) req.headers[h] = "[Filtered]";
          }
        }
        if (typeof req.url === "string") req.url = req.url.replace(SENSITIVE_QUERY, "$1[Filtered]");
        if (typeof req.query_string === "string") {
          req.query_string = req.query_string.replace(SENSITIVE_QUERY, "$1[Filtered]");
        }
        delete req.data;
        delete req.cookies;
      }
      return event;
    },

    beforeBreadcrumb(crumb) {
      if (crumb.category === "console" && typeof crumb.message === "string" && SECRETISH.test(crumb.message)) {
        return null;
      }
      return crumb;
    },
  });
} else if (process.env.NODE_ENV === "production") {
  console.warn("SENTRY_DSN not set; error reporting disabled");
}
