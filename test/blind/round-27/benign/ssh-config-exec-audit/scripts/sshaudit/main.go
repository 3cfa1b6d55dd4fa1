// sshaudit: read-only audit of OpenSSH client config for command-executing and trust-weakening directives.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type Finding struct {
	Severity  string `json:"severity"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Block     string `json:"block"`
	Directive string `json:"directive"`
	Value     string `json:"value"`
	Reason    string `json:"reason"`
}

var risky = regexp.MustCompile(`(?i)(curl|wget|\bnc\b|ncat|socat|/dev/tcp|base64\s+-d|python[0-9.]*\s+-c|perl\s+-e|\|\s*(ba)?sh\b|/tmp/|/var/tmp/|&\s*$)`)

type state struct {
	findings         []Finding
	visited          map[string]bool
	permitLocal      map[string]bool
	pendingLocalCmds []Finding
}

func home() string {
	h, _ := os.UserHomeDir()
	return h
}

func splitDirective(line string) (string, string) {
	line = strings.TrimSpace(line)
	idx := strings.IndexAny(line, " \t=")
	if idx < 0 {
		return strings.ToLower(line), ""
	}
	key := strings.ToLower(line[:idx])
	val := strings.TrimLeft(line[idx:], " \t=")
	return key, strings.TrimSpace(val)
}

func (s *state) add(sev, file string, line int, block, dir, val, reason string) {
	s.findings = append(s.findings, Finding{sev, file, line, block, dir, val, reason})
}

func (s *state) parse(path, baseDir string, depth int) {
	abs, err := filepath.Abs(path)
	if err != nil || s.visited[abs] || depth > 16 {
		return
	}
	s.visited[abs] = true
	f, err := os.Open(abs)
	if err != nil {
		if !os.IsNotExist(err) {
			fmt.Fprintf(os.Stderr, "skip %s: %v\n", abs, err)
		}
		return
	}
	defer f.Close()

	block := "(global)"
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		raw := strings.TrimSpace(sc.Text())
		if raw == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		key, val := splitDirective(raw)
		switch key {
		case "host":
			block = "Host " + val
		case "match":
			block = "Match " + val
			if strings.Contains(strings.ToLower(val), "exec") {
				s.add("high", abs, n, block, "Match exec", val, "runs a command while config is parsed, for any ssh invocation")
			}
		case "include":
			for _, pat := range strings.Fields(val) {
				p := strings.Trim(pat, `"`)
				if strings.HasPrefix(p, "~") {
					p = filepath.Join(home(), p[1:])
				} else if !filepath.IsAbs(p) {
					p = filepath.Join(baseDir, p)
				}
				if !strings.HasPrefix(p, filepath.Join(home(), ".ssh")) && !strings.HasPrefix(p, "/etc/ssh") {
					s.add("info", abs, n, block, "Include", pat, "includes config from outside ~/.ssh or /etc/ssh")
				}
				matches, _ := filepath.Glob(p)
				sort.Strings(matches)
				for _, m := range matches {
					s.parse(m, baseDir, depth+1)
				}
			}
		case "proxycommand":
			if strings.EqualFold(val, "none") {
				continue
			}
			sev := "medium"
			if risky.MatchString(val) {
				sev = "high"
			}
			s.add(sev, abs, n, block, "ProxyCommand", val, "executed via $SHELL -c before connecting; prefer ProxyJump")
		case "localcommand":
			sev := "medium"
			if risky.MatchString(val) {
				sev = "high"
			}
			s.pendingLocalCmds = append(s.pendingLocalCmds, Finding{sev, abs, n, block, "LocalCommand", val, "runs locally after connecting when PermitLocalCommand is yes"})
		case "permitlocalcommand":
			if strings.EqualFold(val, "yes") {
				s.permitLocal[block] = true
				s.permitLocal["(global)"] = s.permitLocal["(global)"] || block == "(global)" || block == "Host *"
			}
		case "knownhostscommand":
			s.add("medium", abs, n, block, "KnownHostsCommand", val, "runs on each host key lookup")
		case "pkcs11provider", "securitykeyprovider":
			if !strings.EqualFold(val, "none") && !strings.EqualFold(val, "internal") {
				s.add("medium", abs, n, block, key, val, "loads a shared library into the ssh client")
			}
		case "remotecommand":
			s.add("info", abs, n, block, "RemoteCommand", val, "runs on the server after login")
		case "forwardagent":
			if !strings.EqualFold(val, "no") {
				sev := "low"
				if block == "Host *" || block == "(global)" {
					sev = "high"
				}
				s.add(sev, abs, n, block, "ForwardAgent", val, "remote hosts can use your agent while connected")
			}
		case "stricthostkeychecking":
			if strings.EqualFold(val, "no") || strings.EqualFold(val, "off") {
				s.add("medium", abs, n, block, "StrictHostKeyChecking", val, "host key changes are accepted silently")
			}
		case "userknownhostsfile":
			if strings.Contains(val, "/dev/null") {
				s.add("medium", abs, n, block, "UserKnownHostsFile", val, "host keys are never remembered")
			}
		case "controlpath":
			if strings.HasPrefix(val, "/tmp/") || strings.HasPrefix(val, "/var/tmp/") {
				s.add("low", abs, n, block, "ControlPath", val, "multiplex socket in a shared directory")
			}
		}
	}
}

func main() {
	file := flag.String("f", "", "audit only this config file (and its Includes)")
	asJSON := flag.Bool("json", false, "JSON output")
	flag.Parse()

	s := &state{visited: map[string]bool{}, permitLocal: map[string]bool{}}
	if *file != "" {
		s.parse(*file, filepath.Join(home(), ".ssh"), 0)
	} else {
		s.parse(filepath.Join(home(), ".ssh", "config"), filepath.Join(home(), ".ssh"), 0)
		s.parse("/etc/ssh/ssh_config", "/etc/ssh", 0)
	}
	for _, lc := range s.pendingLocalCmds {
		if s.permitLocal[lc.Block] || s.permitLocal["(global)"] {
			lc.Severity = "high"
			lc.Reason += " (PermitLocalCommand yes is set)"
		} else {
			lc.Severity = "info"
			lc.Reason += " (currently inert: PermitLocalCommand not enabled)"
		}
		s.findings = append(s.findings, lc)
	}

	rank := map[string]int{"high": 0, "medium": 1, "low": 2, "info": 3}
	sort.SliceStable(s.findings, func(i, j int) bool { return rank[s.findings[i].Severity] < rank[s.findings[j].Severity] })

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(map[string]any{"files": len(s.visited), "findings": s.findings})
		return
	}
	fmt.Printf("parsed %d file(s), %d finding(s)\n\n", len(s.visited), len(s.findings))
	for _, f := range s.findings {
		fmt.Printf("[%-6s] %s:%d  %s\n         %s %s\n         -> %s\n", strings.ToUpper(f.Severity), f.File, f.Line, f.Block, f.Directive, f.Value, f.Reason)
	}
	if len(s.findings) > 0 {
		fmt.Println("\nNothing was changed. Review each block before editing ~/.ssh/config.")
	}
}
