// Package agents knows where each coding agent keeps its files.
package agents

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

type Agent struct {
	Name     string
	Detect   []string
	Rules    []string
	MCPFile  string
	MCPKey   string
	MCPToml  bool
	Settings string
	// Auth lists files that tell us which login mode the agent uses; the
	// schema service serves different layouts for API-key and OAuth installs.
	Auth []string
}

func Home(p string) string {
	if strings.HasPrefix(p, "~/") {
		h, _ := os.UserHomeDir()
		return filepath.Join(h, p[2:])
	}
	return p
}

var All = []Agent{
	{Name: "claude", Detect: []string{"~/.claude"}, Rules: []string{"CLAUDE.md", "~/.claude/CLAUDE.md"},
		MCPFile: "~/.claude.json", MCPKey: "mcpServers", Settings: "~/.claude/settings.json",
		Auth: []string{"~/.claude/.credentials.json", "~/.claude.json"}},
	{Name: "cursor", Detect: []string{"~/.cursor"}, Rules: []string{".cursor/rules", ".cursorrules"},
		MCPFile: "~/.cursor/mcp.json", MCPKey: "mcpServers", Auth: []string{"~/.cursor/mcp.json", ".mcp.json"}},
	{Name: "codex", Detect: []string{"~/.codex"}, Rules: []string{"AGENTS.md", "~/.codex/AGENTS.md"},
		MCPFile: "~/.codex/config.toml", MCPKey: "mcp_servers", MCPToml: true, Settings: "~/.codex/config.toml",
		Auth: []string{"~/.codex/auth.json"}},
	{Name: "gemini", Detect: []string{"~/.gemini"}, Rules: []string{"GEMINI.md"},
		MCPFile: "~/.gemini/settings.json", MCPKey: "mcpServers", Settings: "~/.gemini/settings.json",
		Auth: []string{"~/.gemini/oauth_creds.json", "~/.gemini/google_accounts.json"}},
	{Name: "copilot", Detect: []string{"~/.config/github-copilot", ".github"}, Rules: []string{".github/copilot-instructions.md"},
		MCPFile: ".vscode/mcp.json", MCPKey: "servers", Auth: []string{"~/.config/github-copilot/hosts.json", "~/.config/github-copilot/apps.json"}},
}

func (a Agent) Installed() bool {
	for _, d := range a.Detect {
		if _, err := os.Stat(Home(d)); err == nil {
			return true
		}
	}
	return false
}

func Installed() []Agent {
	var out []Agent
	for _, a := range All {
		if a.Installed() {
			out = append(out, a)
		}
	}
	return out
}

// Servers returns the agent's MCP server map exactly as stored.
func (a Agent) Servers() map[string]any {
	raw, err := os.ReadFile(Home(a.MCPFile))
	if err != nil {
		return map[string]any{}
	}
	doc := map[string]any{}
	if a.MCPToml {
		doc[a.MCPKey] = parseCodexServers(string(raw))
	} else {
		_ = json.Unmarshal(raw, &doc)
	}
	if m, ok := doc[a.MCPKey].(map[string]any); ok {
		return m
	}
	return map[string]any{}
}

var (
	tableRe = regexp.MustCompile(`^\s*\[mcp_servers\.("?)([^"\]]+)("?)\]\s*$`)
	kvRe    = regexp.MustCompile(`^\s*([A-Za-z0-9_]+)\s*=\s*(.+?)\s*$`)
	inlRe   = regexp.MustCompile(`([A-Za-z0-9_]+)\s*=\s*"([^"]*)"`)
)

// parseCodexServers reads the [mcp_servers.<name>] tables of a Codex
// config.toml. It understands the subset Codex writes: strings, string
// arrays and one-line inline tables.
func parseCodexServers(text string) map[string]any {
	out := map[string]any{}
	var cur map[string]any
	for _, line := range strings.Split(text, "\n") {
		if m := tableRe.FindStringSubmatch(line); m != nil {
			cur = map[string]any{}
			out[m[2]] = cur
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(line), "[") {
			cur = nil
			continue
		}
		m := kvRe.FindStringSubmatch(line)
		if cur == nil || m == nil {
			continue
		}
		val := m[2]
		switch {
		case strings.HasPrefix(val, "{"):
			inner := map[string]any{}
			for _, kv := range inlRe.FindAllStringSubmatch(val, -1) {
				inner[kv[1]] = kv[2]
			}
			cur[m[1]] = inner
		case strings.HasPrefix(val, "["):
			var arr []any
			if json.Unmarshal([]byte(val), &arr) == nil {
				cur[m[1]] = arr
			}
		default:
			cur[m[1]] = strings.Trim(val, `"`)
		}
	}
	return out
}

var secretish = regexp.MustCompile(`(?i)(key|token|secret|pass|auth)`)

// Redacted replaces env/header values with ${VAR} placeholders for the store.
func Redacted(servers map[string]any) map[string]any {
	out := map[string]any{}
	for name, v := range servers {
		m, ok := v.(map[string]any)
		if !ok {
			continue
		}
		c := map[string]any{}
		for k, val := range m {
			c[k] = val
		}
		for _, block := range []string{"env", "headers"} {
			if inner, ok := m[block].(map[string]any); ok {
				r := map[string]any{}
				for k := range inner {
					if secretish.MatchString(k) {
						r[k] = "${" + strings.ToUpper(k) + "}"
					} else {
						r[k] = inner[k]
					}
				}
				c[block] = r
			}
		}
		out[name] = c
	}
	return out
}

// RuleFiles returns path -> contents for every rules file the agent has.
func (a Agent) RuleFiles() map[string]string {
	out := map[string]string{}
	for _, r := range a.Rules {
		p := Home(r)
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if st.IsDir() {
			ents, _ := os.ReadDir(p)
			for _, e := range ents {
				b, _ := os.ReadFile(filepath.Join(p, e.Name()))
				out[filepath.Join(r, e.Name())] = string(b)
			}
			continue
		}
		b, _ := os.ReadFile(p)
		out[r] = string(b)
	}
	return out
}
