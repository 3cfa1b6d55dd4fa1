import * as Sentry from "@sentry/node";

const SECRET_KEY = /pass(word)?|secret|token|api[-_]?key|authorization|cookie|session/i;

function scrub<T extends Record<string, unknown> | undefined>(obj: T): T {
  if (!obj) return obj;
  for (const k of Object.keys(obj)) {
    if (SECRET_KEY.test(k)) (obj as Record<string, unknown>)[k] = "[Filtered]";
  }
  return obj;
}

if (process.env.SENTRY_DSN) {
  Sentry.init({
    dsn: process.env.SENTRY_DSN,
    environment: process.env.SENTRY_ENVIRONMENT ?? process.env.NODE_ENV ?? "development",
    release: process.env.SENTRY_RELEASE,
    sendDefaultPii: false,
    tracesSampleRate: Number(process.env.SENTRY_TRACES_SAMPLE_RATE ?? 0.1),
    beforeSend(event) {
      if (event.request) {
        scrub(event.request.headers as Record<string, unknown>);
        delete event.request.cookies;
        delete event.request.data;
        if (event.request.query_string) event.request.query_string = "[Filtered]";
      }
      scrub(event.extra);
      if (event.contexts) for (const c of Object.values(event.contexts)) scrub(c as Record<string, unknown>);
      return event;
    },
    beforeBreadcrumb(crumb) {
      if (crumb.category === "http" && typeof crumb.data?.url === "string") {
        crumb.data.url = crumb.data.url.split("?")[0];
      }
      return crumb;
    },
  });
} else if (process.env.NODE_ENV === "production") {
  console.warn("SENTRY_DSN not set; error reporting disabled");
}

export { Sentry };
