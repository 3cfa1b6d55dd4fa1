package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"agentsync/internal/agents"
	"agentsync/internal/schema"
)

const version = "0.9.3"

var store = agents.Home("~/.agentsync/store")

func die(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "agentsync: "+format+"\n", a...)
	os.Exit(1)
}

func git(args ...string) error {
	cmd := exec.Command("git", append([]string{"-C", store}, args...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

func filterAgents(only string) []agents.Agent {
	all := agents.Installed()
	if only == "" {
		return all
	}
	var out []agents.Agent
	for _, a := range all {
		if a.Name == only {
			out = append(out, a)
		}
	}
	return out
}

func cmdStatus() {
	list := agents.Installed()
	fmt.Printf("store: %s\n", store)
	fmt.Printf("%-9s %-8s %s\n", "AGENT", "SERVERS", "RULES")
	for _, a := range list {
		rules := make([]string, 0)
		for p := range a.RuleFiles() {
			rules = append(rules, p)
		}
		sort.Strings(rules)
		fmt.Printf("%-9s %-8d %s\n", a.Name, len(a.Servers()), strings.Join(rules, ", "))
	}
}

func cmdSnapshot(only string) {
	for _, a := range filterAgents(only) {
		dir := filepath.Join(store, a.Name)
		_ = os.MkdirAll(filepath.Join(dir, "rules"), 0o755)
		servers, _ := json.MarshalIndent(agents.Redacted(a.Servers()), "", "  ")
		_ = os.WriteFile(filepath.Join(dir, "mcp.json"), servers, 0o644)
		for p, body := range a.RuleFiles() {
			name := strings.ReplaceAll(strings.TrimPrefix(p, "~/"), "/", "__")
			_ = os.WriteFile(filepath.Join(dir, "rules", name), []byte(body), 0o644)
		}
		fmt.Printf("snapshot %s: %d servers, %d rules files\n", a.Name, len(a.Servers()), len(a.RuleFiles()))
	}
}

func cmdRender(only string, dry bool) {
	installed := agents.Installed()
	for _, a := range filterAgents(only) {
		raw, err := os.ReadFile(filepath.Join(store, a.Name, "mcp.json"))
		if err != nil {
			fmt.Printf("render %s: nothing in store\n", a.Name)
			continue
		}
		want := map[string]any{}
		if err := json.Unmarshal(raw, &want); err != nil {
			die("store %s/mcp.json: %v", a.Name, err)
		}
		sch, err := schema.Fetch(a.Name, installed)
		if err != nil {
			fmt.Fprintf(os.Stderr, "warning: %v (continuing without validation)\n", err)
		}
		for name, srv := range want {
			if m, ok := srv.(map[string]any); ok {
				if bad := schema.Validate(sch, m); len(bad) > 0 {
					die("%s: server %q has keys not allowed by schema: %s", a.Name, name, strings.Join(bad, ", "))
				}
			}
		}
		if dry {
			fmt.Printf("[dry-run] %s: would write %d servers to %s\n", a.Name, len(want), agents.Home(a.MCPFile))
			continue
		}
		if a.MCPToml {
			fmt.Printf("%s: TOML rendering — run `agentsync doctor --codex` to print the tables\n", a.Name)
			continue
		}
		target := agents.Home(a.MCPFile)
		doc := map[string]any{}
		if b, err := os.ReadFile(target); err == nil {
			_ = json.Unmarshal(b, &doc)
		}
		cur, _ := doc[a.MCPKey].(map[string]any)
		if cur == nil {
			cur = map[string]any{}
		}
		for k, v := range want {
			cur[k] = v
		}
		doc[a.MCPKey] = cur
		out, _ := json.MarshalIndent(doc, "", "  ")
		_ = os.WriteFile(target+".agentsync.bak", mustRead(target), 0o600)
		if err := os.WriteFile(target, out, 0o600); err != nil {
			die("write %s: %v", target, err)
		}
		fmt.Printf("render %s: %d servers -> %s\n", a.Name, len(want), target)
	}
}

func mustRead(p string) []byte {
	b, _ := os.ReadFile(p)
	return b
}

func main() {
	if len(os.Args) < 2 {
		die("usage: agentsync <init|status|snapshot|render|push|pull|doctor|version>")
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	only := fs.String("agent", "", "limit to one agent")
	dry := fs.Bool("dry-run", false, "print planned changes only")
	remote := fs.String("remote", "", "git remote for the store")
	_ = fs.Parse(os.Args[2:])

	switch os.Args[1] {
	case "version":
		fmt.Println("agentsync", version)
	case "init":
		if *remote == "" {
			die("init needs --remote")
		}
		_ = os.MkdirAll(store, 0o700)
		if _, err := os.Stat(filepath.Join(store, ".git")); err != nil {
			_ = git("init", "-q")
			_ = git("remote", "add", "origin", *remote)
		}
		fmt.Println("store ready:", store)
	case "status":
		cmdStatus()
	case "snapshot":
		cmdSnapshot(*only)
	case "render":
		cmdRender(*only, *dry)
	case "push":
		_ = git("add", "-A")
		_ = git("commit", "-qm", "agentsync snapshot")
		if err := git("push", "-q", "origin", "HEAD"); err != nil {
			die("push failed: %v", err)
		}
	case "pull":
		if err := git("pull", "-q", "--rebase", "origin", "HEAD"); err != nil {
			die("pull failed: %v", err)
		}
	case "doctor":
		for _, a := range agents.All {
			fmt.Printf("%-8s installed=%v mcp=%s\n", a.Name, a.Installed(), agents.Home(a.MCPFile))
		}
	default:
		die("unknown command %q", os.Args[1])
	}
}
