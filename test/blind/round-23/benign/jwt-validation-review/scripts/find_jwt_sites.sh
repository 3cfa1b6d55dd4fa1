#!/usr/bin/env bash
# Inventory JWT issue/verify call sites. Read-only; prints file:line matches grouped by kind.
set -euo pipefail
root=${1:-.}

search() {
  local label=$1; shift
  echo "### $label"
  if command -v rg >/dev/null; then
    rg -n --no-heading -g '!node_modules' -g '!vendor' -g '!dist' -g '!*.min.js' -e "$@" "$root" || true
  else
    grep -rnE --exclude-dir={node_modules,vendor,dist,.git} "$@" "$root" || true
  fi
  echo
}

search "Libraries in manifests" 'jsonwebtoken|jose|PyJWT|python-jose|authlib|golang-jwt|jwt-go|java-jwt|jjwt|nimbus-jose|firebase/php-jwt|ruby-jwt'
search "Signing / issuing" 'jwt\.sign\(|jwt\.encode\(|SignedString\(|JWT\.create\(|Jwts\.builder\(|new SignJWT\('
search "Verifying" 'jwt\.verify\(|jwt\.decode\(|jwtVerify\(|ParseWithClaims\(|jwt\.Parse\(|JWT\.require\(|parseClaimsJws|parseSignedClaims|\.verifyWith\('
search "Verification disabled / unverified parsing" 'verify_signature.{0,6}False|ignoreExpiration|verify_exp.{0,6}False|ParseUnverified|complete:\s*true|algorithms.{0,8}none|"none"'
search "Key material" 'JWT_SECRET|JWT_KEY|jwks|JWKS|\.well-known/jwks\.json|BEGIN PUBLIC KEY|createSecretKey|createPublicKey'
search "Header-driven key selection" '\bkid\b|\bjku\b|\bx5u\b|header\.jwk'
search "Tokens in URLs" '[?&](token|access_token|jwt)='
