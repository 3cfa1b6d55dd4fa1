#!/usr/bin/env bash
# Read-only fact collection for trust-boundary mapping. Prints to stdout. No network.
set -uo pipefail
root="${1:-.}"
cd "$root" || exit 1
EXCL=(-g '!**/node_modules/**' -g '!**/vendor/**' -g '!**/.git/**' -g '!**/dist/**' -g '!**/build/**' -g '!**/.venv/**')
have_rg() { command -v rg >/dev/null; }
h() { printf '\n== %s ==\n' "$1"; }

h "Languages (by file count)"
git ls-files 2>/dev/null | sed -n 's/.*\.\([A-Za-z0-9]\+\)$/\1/p' | sort | uniq -c | sort -rn | head -15

h "Manifests / frameworks"
for f in package.json requirements.txt pyproject.toml Pipfile go.mod Cargo.toml pom.xml build.gradle build.gradle.kts Gemfile composer.json; do
  git ls-files 2>/dev/null | grep -E "(^|/)$f$" | sed "s/^/  /"
done
if [ -f package.json ]; then
  echo "  node deps of note:"; grep -oE '"(express|fastify|koa|next|nestjs/core|@nestjs/core|hapi|apollo-server|graphql|socket\.io|passport|jsonwebtoken|multer)"' package.json | sort -u | sed 's/^/    /'
fi
for f in requirements.txt pyproject.toml; do
  [ -f "$f" ] && grep -oiE '^(django|flask|fastapi|starlette|celery|sqlalchemy|pyjwt|authlib|boto3|requests|httpx)\b' "$f" | sort -u | sed 's/^/    py: /'
done

h "Deployable units / infrastructure"
git ls-files 2>/dev/null | grep -E '(Dockerfile|docker-compose[^/]*\.ya?ml|Chart\.yaml|\.tf$|cdk\.json|Pulumi\.ya?ml|serverless\.ya?ml|Procfile|fly\.toml|app\.yaml|vercel\.json|netlify\.toml|\.github/workflows/)' | sed 's/^/  /'

h "Environment variable NAMES referenced (values are not read)"
if have_rg; then
  rg -o --no-filename "${EXCL[@]}" -e 'os\.environ(?:\.get)?\(\s*["'"'"']([A-Z][A-Z0-9_]+)' -e 'os\.getenv\(\s*["'"'"']([A-Z][A-Z0-9_]+)' \
     -e 'process\.env\.([A-Z][A-Z0-9_]+)' -e 'os\.Getenv\("([A-Z][A-Z0-9_]+)' -e 'ENV\[["'"'"']([A-Z][A-Z0-9_]+)' -e 'System\.getenv\("([A-Z][A-Z0-9_]+)' \
     -r '$1' . 2>/dev/null | sort | uniq -c | sort -rn | head -60
fi
for f in .env.example .env.sample .env.template env.example; do
  [ -f "$f" ] && { echo "  from $f:"; sed -n 's/^\([A-Z][A-Z0-9_]*\)=.*/    \1/p' "$f"; }
done

h "Outbound hosts in code/config"
if have_rg; then
  rg -o --no-filename "${EXCL[@]}" -g '!*.lock' -g '!*lock.json' -g '!*.md' 'https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}' . 2>/dev/null \
    | sed -E 's#https?://##' | sort | uniq -c | sort -rn | head -40
fi

h "Listener / entry hints"
if have_rg; then
  rg -n --no-heading "${EXCL[@]}" -e '@(app|router|bp|api)\.(route|get|post|put|patch|delete)\(' -e '\b(app|router)\.(get|post|put|patch|delete|use)\(' \
     -e '@(Get|Post|Put|Delete|Request)Mapping' -e '\.listen\(' -e 'http\.HandleFunc|mux\.Handle' -e '^service \w+ \{' \
     -e '@(shared_task|app\.task|celery\.task)' -e '(consume|subscribe)\(' -e 'schedule\.every|@Scheduled|cron' . 2>/dev/null | head -120
fi

h "Security-flavoured commits (last 2 years)"
git log --since="2 years ago" --oneline -i -E --grep='security|vuln|cve|xss|csrf|sqli|injection|auth|permission|leak|sanitiz|escape' 2>/dev/null | head -40

echo
echo "(facts only: verify each in code before relying on it)"
