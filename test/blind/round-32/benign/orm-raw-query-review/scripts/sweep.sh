#!/usr/bin/env bash
# Broad ripgrep sweep for ORM raw-SQL escape hatches. Output: file:line: [tag] code
set -euo pipefail
root="${1:-.}"
command -v rg >/dev/null || { echo "ripgrep (rg) is required" >&2; exit 2; }

rgx() { # tag, glob, pattern
  rg --no-heading --line-number --color never -g "$2" -g '!**/node_modules/**' -g '!**/vendor/**' \
     -g '!**/.venv/**' -g '!**/migrations/**' -e "$3" "$root" 2>/dev/null \
    | sed "s|^|[$1] |" || true
}

# Python
rgx django/raw        '*.py' '\.raw\(\s*(f["'\'']|["'\''].*["'\'']\s*(%|\+|\.format))'
rgx django/extra      '*.py' '\.extra\('
rgx django/RawSQL     '*.py' 'RawSQL\(\s*f["'\'']'
rgx py/execute        '*.py' '\.execute\(\s*(f["'\'']|["'\''][^"'\'']*["'\'']\s*(%|\+|\.format))'
rgx sqlalchemy/text   '*.py' 'text\(\s*(f["'\'']|["'\''][^"'\'']*["'\'']\s*(%|\+|\.format))'
rgx sqlalchemy/order  '*.py' 'order_by\(\s*text\('

# Ruby
rgx ar/where          '*.rb' '\.(where|having|joins|group|order|pluck|select|reorder)\(\s*"[^"]*#\{'
rgx ar/order-param    '*.rb' '\.(order|reorder|pluck|group)\(\s*params\['
rgx ar/find_by_sql    '*.rb' 'find_by_sql\(\s*"[^"]*#\{'
rgx ar/arel-sql       '*.rb' 'Arel\.sql\([^)]*(params|#\{)'

# JS/TS
for g in '*.js' '*.ts' '*.mjs' '*.cjs'; do
  rgx prisma/unsafe   "$g" '\$(queryRaw|executeRaw)Unsafe\('
  rgx sequelize/lit   "$g" '(sequelize\.)?literal\(\s*`[^`]*\$\{'
  rgx sequelize/query "$g" '\.query\(\s*`[^`]*\$\{'
  rgx knex/raw        "$g" '\.(raw|whereRaw|orderByRaw|havingRaw|joinRaw)\(\s*`[^`]*\$\{'
  rgx typeorm/where   "$g" '\.(where|andWhere|orWhere)\(\s*`[^`]*\$\{'
  rgx sql/concat      "$g" '\.query\(\s*["'\''][^"'\'']*(SELECT|UPDATE|DELETE|INSERT)[^"'\'']*["'\'']\s*\+'
done

# Go
rgx go/sprintf-sql    '*.go' 'fmt\.Sprintf\(\s*"[^"]*(SELECT|UPDATE|DELETE|INSERT|WHERE|ORDER BY)'
rgx gorm/raw          '*.go' '\.(Raw|Exec|Where|Order|Having)\(\s*("[^"]*"\s*\+|fmt\.Sprintf)'

# Java/Kotlin
for g in '*.java' '*.kt'; do
  rgx jpa/concat      "$g" 'create(Native)?Query\(\s*"[^"]*"\s*\+'
  rgx jdbc/concat     "$g" '\.(query|update|execute|queryForObject)\(\s*"[^"]*"\s*\+'
done
rgx mybatis/dollar    '*.xml' '\$\{[^}]+\}'
