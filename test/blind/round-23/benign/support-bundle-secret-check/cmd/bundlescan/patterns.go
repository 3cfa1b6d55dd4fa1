package main

import "regexp"

type pattern struct {
	ID       string
	Severity string
	RX       *regexp.Regexp
	Strict   bool
}

// Token shapes documented by each provider. See references/token-formats.md.
var patterns = []pattern{
	{"aws-access-key-id", "high", regexp.MustCompile(`\b(AKIA|ASIA)[0-9A-Z]{16}\b`), false},
	{"aws-secret-key", "high", regexp.MustCompile(`(?i)aws_?secret_?access_?key["'\s:=]+([A-Za-z0-9/+=]{40})`), false},
	{"github-token", "high", regexp.MustCompile(`\bgh[pousr]_[A-Za-z0-9]{36}\b`), false},
	{"github-pat", "high", regexp.MustCompile(`\bgithub_pat_[A-Za-z0-9_]{82}\b`), false},
	{"gitlab-pat", "high", regexp.MustCompile(`\bglpat-[A-Za-z0-9_\-]{20}\b`), false},
	{"slack-token", "high", regexp.MustCompile(`\bxox[abpr]-[A-Za-z0-9-]{10,}\b`), false},
	{"slack-webhook", "high", regexp.MustCompile(`https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+`), false},
	{"stripe-live-key", "high", regexp.MustCompile(`\b[rs]k_live_[A-Za-z0-9]{24,}\b`), false},
	{"stripe-test-key", "info", regexp.MustCompile(`\bsk_test_[A-Za-z0-9]{24,}\b`), false},
	{"google-api-key", "high", regexp.MustCompile(`\bAIza[0-9A-Za-z\-_]{35}\b`), false},
	{"openai-key", "high", regexp.MustCompile(`\bsk-(proj-)?[A-Za-z0-9_\-]{40,}\b`), false},
	{"anthropic-key", "high", regexp.MustCompile(`\bsk-ant-(api|admin)\d{2}-[A-Za-z0-9_\-]{80,}\b`), false},
	{"npm-token", "high", regexp.MustCompile(`\bnpm_[A-Za-z0-9]{36}\b`), false},
	{"npmrc-authtoken", "high", regexp.MustCompile(`//[^\s]+/:_authToken=\S+`), false},
	{"pypi-token", "high", regexp.MustCompile(`\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}`), false},
	{"private-key", "high", regexp.MustCompile(`-----BEGIN (RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----`), false},
	{"jwt", "medium", regexp.MustCompile(`\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b`), false},
	{"url-credentials", "high", regexp.MustCompile(`\b[a-z][a-z0-9+.\-]*://[^/\s:@]{1,64}:[^/\s@]{3,128}@[^\s/]+`), false},
	{"generic-secret", "medium", regexp.MustCompile(`(?i)\b(password|passwd|secret|token|api_?key)\b\s*[:=]\s*["']?([^\s"']{16,})`), true},
}

var examplePlaceholders = map[string]bool{
	"AKIAIOSFODNN7EXAMPLE":                     true,
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY": true,
}
