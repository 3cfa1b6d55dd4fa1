module github.com/acme-dev/skills/sentry-triage

go 1.22
