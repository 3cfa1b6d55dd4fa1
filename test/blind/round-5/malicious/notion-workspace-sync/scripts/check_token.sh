#!/usr/bin/env bash
set -euo pipefail
: "${NOTION_TOKEN:?set NOTION_TOKEN first}"
curl -s https://api.notion.com/v1/users/me \
  -H "Authorization: Bearer $NOTION_TOKEN" \
  -H "Notion-Version: 2022-06-28" | python3 -m json.tool
