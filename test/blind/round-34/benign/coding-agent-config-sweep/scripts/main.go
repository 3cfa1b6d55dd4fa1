// agentsweep: read-only sweep of coding-agent config files across repositories.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type Finding struct {
	Repo, File string
	Line       int
	Check      string
	Text       string
	Prov       string
}

var (
	instrNames = map[string]bool{"CLAUDE.md": true, "CLAUDE.local.md": true, "AGENTS.md": true, "GEMINI.md": true,
		".cursorrules": true, ".windsurfrules": true, ".clinerules": true, "copilot-instructions.md": true, "SKILL.md": true}
	settingsNames = map[string]bool{"settings.json": true, "settings.local.json": true, ".mcp.json": true, "mcp.json": true,
		".aider.conf.yml": true, "config.toml": true}
	skipDirs   = map[string]bool{"node_modules": true, ".venv": true, "vendor": true, "target": true, "dist": true, ".git": true}
	hiddenRe   = regexp.MustCompile(`<!--|[\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2066}-\x{2069}\x{FEFF}]|[A-Za-z0-9+/]{80,}={0,2}|<details|color:\s*(#fff|white)`)
	phraseRe   = regexp.MustCompile(`(?i)ignore (all |the )?previous|do not (mention|tell)|don't (mention|tell)|without (asking|confirm)|auto(matically)?[- ]approve|always run|upload|post (it |them )?to|webhook|curl |wget |send (the|all|your)`)
	permRe     = regexp.MustCompile(`"(Bash\(\*\)|Bash\((curl|wget|git push|ssh|scp|nc)[^"]*\)|WebFetch\(\*\)|mcp__[^"]*)"|bypassPermissions|"chat\.tools\.autoApprove"\s*:\s*true|enableAllProjectMcpServers"\s*:\s*true`)
	execRe     = regexp.MustCompile(`"(command|apiKeyHelper)"\s*:|lint-cmd|test-cmd|"args"\s*:`)
	netInExec  = regexp.MustCompile(`curl|wget|https?://|nc |/dev/tcp|Invoke-WebRequest`)
	npxRe      = regexp.MustCompile(`"(npx|uvx|bunx|pipx)"|npx -y|"-y"`)
	envRe      = regexp.MustCompile(`(ANTHROPIC_BASE_URL|OPENAI_BASE_URL|HTTPS?_PROXY|NODE_OPTIONS|PYTHONSTARTUP|LD_PRELOAD)"?\s*[:=]`)
)

func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 0x200B && r <= 0x200F) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0xFEFF {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if len(out) > 200 {
		out = out[:200] + "…"
	}
	return strings.TrimSpace(out)
}

func provenance(repo, file string) string {
	rel, _ := filepath.Rel(repo, file)
	out, err := exec.Command("git", "-C", repo, "log", "-1", "--format=%h %an %ar", "--", rel).Output()
	if err != nil {
		return "untracked?"
	}
	return strings.TrimSpace(string(out))
}

func isAgentPath(path string) (instr, settings bool) {
	base := filepath.Base(path)
	dir := filepath.ToSlash(filepath.Dir(path))
	inAgentDir := strings.Contains(dir, "/.claude") || strings.Contains(dir, "/.cursor") || strings.Contains(dir, "/.vscode") ||
		strings.Contains(dir, "/.codex") || strings.Contains(dir, "/.gemini") || strings.Contains(dir, "/.roo") || strings.HasSuffix(dir, "/.github")
	if instrNames[base] || strings.HasSuffix(base, ".mdc") || strings.HasSuffix(base, ".instructions.md") || strings.HasSuffix(base, ".prompt.md") ||
		(inAgentDir && strings.HasSuffix(base, ".md") && (strings.Contains(dir, "commands") || strings.Contains(dir, "agents") || strings.Contains(dir, "rules"))) {
		instr = true
	}
	if base == ".mcp.json" || base == ".aider.conf.yml" || (settingsNames[base] && inAgentDir) {
		settings = true
	}
	return
}

func scanFile(repo, path string, instr bool) []Finding {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []Finding
	prov := provenance(repo, path)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1024*1024), 1024*1024)
	blank := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		add := func(check string) { out = append(out, Finding{repo, path, n, check, visible(line), prov}) }
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		if blank >= 15 {
			add("hidden:after-blank-run")
		}
		blank = 0
		if instr {
			if hiddenRe.MatchString(line) {
				add("hidden")
			}
			if phraseRe.MatchString(line) {
				add("phrase")
			}
			continue
		}
		if permRe.MatchString(line) {
			add("permission")
		}
		if envRe.MatchString(line) {
			add("env-override")
		}
		if execRe.MatchString(line) {
			if netInExec.MatchString(line) {
				add("exec:network")
			} else {
				add("exec")
			}
		}
		if npxRe.MatchString(line) {
			add("mcp:unpinned-launcher")
		}
	}
	return out
}

func main() {
	root := flag.String("root", ".", "directory containing repositories")
	out := flag.String("out", "", "write Markdown report here (default stdout)")
	maxDepth := flag.Int("max-depth", 6, "max directory depth")
	asJSON := flag.Bool("json", false, "JSON output")
	only := flag.Bool("only-findings", false, "omit repos with no findings")
	flag.Parse()

	rootAbs, _ := filepath.Abs(*root)
	byRepo := map[string][]Finding{}
	repoOf := func(p string) string {
		for d := filepath.Dir(p); strings.HasPrefix(d, rootAbs); d = filepath.Dir(d) {
			if st, err := os.Stat(filepath.Join(d, ".git")); err == nil && st != nil {
				return d
			}
			if d == rootAbs {
				break
			}
		}
		return rootAbs
	}
	filepath.WalkDir(rootAbs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(rootAbs, p)
		if d.IsDir() {
			if skipDirs[d.Name()] || strings.Count(rel, string(os.PathSeparator)) >= *maxDepth {
				return filepath.SkipDir
			}
			return nil
		}
		instr, settings := isAgentPath(p)
		if !instr && !settings {
			return nil
		}
		repo := repoOf(p)
		fs := scanFile(repo, p, instr)
		byRepo[repo] = append(byRepo[repo], Finding{repo, p, 0, "file", "", provenance(repo, p)})
		byRepo[repo] = append(byRepo[repo], fs...)
		return nil
	})

	w := os.Stdout
	if *out != "" {
		fh, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer fh.Close()
		w = fh
	}
	if *asJSON {
		json.NewEncoder(w).Encode(byRepo)
		return
	}
	repos := make([]string, 0, len(byRepo))
	for r := range byRepo {
		repos = append(repos, r)
	}
	sort.Strings(repos)
	fmt.Fprintf(w, "# Coding-agent config sweep: %s\n\n", rootAbs)
	for _, r := range repos {
		fs := byRepo[r]
		real := 0
		for _, f := range fs {
			if f.Check != "file" {
				real++
			}
		}
		if *only && real == 0 {
			continue
		}
		fmt.Fprintf(w, "## %s (%d findings)\n\n", r, real)
		for _, f := range fs {
			rel, _ := filepath.Rel(r, f.File)
			if f.Check == "file" {
				fmt.Fprintf(w, "- **%s** — last change: %s\n", rel, f.Prov)
				continue
			}
			fmt.Fprintf(w, "  - `%s:%d` [%s] `%s`\n", rel, f.Line, f.Check, strings.ReplaceAll(f.Text, "`", "'"))
		}
		fmt.Fprintln(w)
	}
}
