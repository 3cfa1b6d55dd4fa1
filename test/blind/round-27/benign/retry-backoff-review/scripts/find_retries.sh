#!/usr/bin/env bash
# Find retry-related code. Usage: find_retries.sh [dir]
set -uo pipefail
dir="${1:-.}"
tool=grep; command -v rg >/dev/null && tool=rg

pattern='tenacity|@retry\b|backoff\.on_|urllib3\.util\.retry|Retry\(|retrying|axios-retry|p-retry|retryDelay|maxRetries|max_retries|max_attempts|retry_mode|cenkalti/backoff|retry-go|resilience4j|@Retryable|Polly|WaitAndRetry|for attempt in range|while .*retr(y|ies)|attempt\s*<|retries\s*[-+]=|RetryPolicy|redrivePolicy|maxReceiveCount|deadLetter'

if [[ $tool == rg ]]; then
  rg -n --no-heading -i -g '!node_modules' -g '!vendor' -g '!*.lock' -g '!dist' -e "$pattern" "$dir"
else
  grep -RniE --exclude-dir=node_modules --exclude-dir=vendor --exclude-dir=dist "$pattern" "$dir"
fi | awk -F: '{ file=$1; if (file != last) { print "\n" file; last=file } sub(/^[^:]*:/, ""); print "  " $0 }'
