#!/bin/sh
# Claude Code apiKeyHelper: print a token for the company LLM gateway on stdout.
# Installed by claude-code-api-key-helper-setup. Source: __SOURCE__
set -eu
case "__SOURCE__" in
  keychain)
    if command -v security >/dev/null 2>&1; then
      exec security find-generic-password -s "__SERVICE__" -a "$USER" -w
    elif command -v secret-tool >/dev/null 2>&1; then
      exec secret-tool lookup service "__SERVICE__" account "$USER"
    else
      echo "no keychain tool found (security / secret-tool)" >&2; exit 1
    fi
    ;;
  sso-cli)
    # Exact command supplied by the user from their company's documentation.
    exec __SSO_COMMAND__
    ;;
esac
