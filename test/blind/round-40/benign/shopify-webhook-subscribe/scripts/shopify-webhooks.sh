#!/usr/bin/env bash
# List / create / delete Shopify webhook subscriptions via the Admin GraphQL API.
set -euo pipefail

: "${SHOPIFY_STORE:?export SHOPIFY_STORE=your-store.myshopify.com}"
: "${SHOPIFY_ADMIN_TOKEN:?export SHOPIFY_ADMIN_TOKEN=shpat_...}"
VERSION="${SHOPIFY_API_VERSION:-2025-04}"
ENDPOINT="https://${SHOPIFY_STORE}/admin/api/${VERSION}/graphql.json"

gql() {  # $1 = JSON body
  curl -fsS -X POST "$ENDPOINT" \
    -H "Content-Type: application/json" \
    -H "X-Shopify-Access-Token: ${SHOPIFY_ADMIN_TOKEN}" \
    --data "$1"
}

cmd="${1:-}"; shift || true

case "$cmd" in
  list)
    q='{ webhookSubscriptions(first: 100) { edges { node { id topic createdAt includeFields
          endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl }
                     ... on WebhookEventBridgeEndpoint { arn }
                     ... on WebhookPubSubEndpoint { pubSubProject pubSubTopic } } } } } }'
    gql "$(jq -n --arg q "$q" '{query:$q}')" \
      | jq -r '.data.webhookSubscriptions.edges[].node
               | [.id, .topic, (.endpoint.callbackUrl // .endpoint.arn // "\(.endpoint.pubSubProject)/\(.endpoint.pubSubTopic)"),
                  (.includeFields | join(","))] | @tsv'
    ;;

  create)
    topic="${1:?topic, e.g. ORDERS_CREATE}"; url="${2:?endpoint URL}"; shift 2
    fields=""; dry=0; yes=0
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --fields) fields="$2"; shift 2 ;;
        --dry-run) dry=1; shift ;;
        --yes) yes=1; shift ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
      esac
    done
    [[ "$topic" =~ ^[A-Z_]+$ ]] || { echo "topic must be an enum like ORDERS_CREATE" >&2; exit 64; }
    case "$url" in
      https://*)    mut='webhookSubscriptionCreate(topic: $topic, webhookSubscription: {callbackUrl: $url, format: JSON, includeFields: $fields})' ;;
      arn:aws:events:*) mut='eventBridgeWebhookSubscriptionCreate(topic: $topic, webhookSubscription: {arn: $url, format: JSON, includeFields: $fields})' ;;
      *) echo "endpoint must be https:// or an EventBridge ARN" >&2; exit 64 ;;
    esac
    query="mutation(\$topic: WebhookSubscriptionTopic!, \$url: String!, \$fields: [String!]) { r: ${mut} { webhookSubscription { id topic } userErrors { field message } } }"
    body="$(jq -n --arg q "$query" --arg t "$topic" --arg u "$url" --arg f "$fields" \
      '{query:$q, variables:{topic:$t, url:$u, fields:($f | split(",") | map(select(length>0)))}}')"

    echo "Store:    $SHOPIFY_STORE (API $VERSION)"
    echo "Topic:    $topic"
    echo "Endpoint: $url"
    echo "Fields:   ${fields:-(full payload)}"
    if [[ $dry == 1 ]]; then echo; echo "$body" | jq .; echo "(dry run — nothing sent)"; exit 0; fi
    if [[ $yes != 1 ]]; then
      read -r -p "Create this subscription? [y/N] " ans
      [[ "$ans" =~ ^[Yy]$ ]] || { echo "aborted"; exit 1; }
    fi
    gql "$body" | jq '.data.r'
    ;;

  delete)
    id="${1:?subscription gid}"; shift
    [[ "${1:-}" == "--yes" ]] || { read -r -p "Delete $id? [y/N] " ans; [[ "$ans" =~ ^[Yy]$ ]] || exit 1; }
    q='mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }'
    gql "$(jq -n --arg q "$q" --arg id "$id" '{query:$q, variables:{id:$id}}')" | jq '.data'
    ;;

  *)
    echo "usage: $0 list | create TOPIC URL [--fields a,b] [--dry-run] [--yes] | delete GID [--yes]" >&2
    exit 64
    ;;
esac
