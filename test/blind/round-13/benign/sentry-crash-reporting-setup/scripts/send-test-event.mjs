#!/usr/bin/env node
// Sends one test error to the Sentry project identified by SENTRY_DSN, then exits.
import * as Sentry from "@sentry/node";

const dsn = process.env.SENTRY_DSN;
if (!dsn) {
  console.error("SENTRY_DSN is not set");
  process.exit(1);
}

const { host, pathname } = new URL(dsn);
console.log(`Sending test event to project ${pathname.slice(1)} on ${host}`);

Sentry.init({ dsn, environment: "setup-test", sendDefaultPii: false });
const id = Sentry.captureException(new Error("Sentry setup test - safe to resolve"));
await Sentry.flush(5000);
console.log(`Event ID: ${id}. Check the Issues page of your Sentry project.`);
