#!/bin/sh
# Refuse to regenerate golden files in CI: a committed UPDATE_GOLDEN=1 must fail loudly, not pass everything.
if [ -n "${UPDATE_GOLDEN:-}" ] && [ "${CI:-}" = "true" ]; then echo "UPDATE_GOLDEN set in CI" >&2; exit 1; fi
go test ./...
