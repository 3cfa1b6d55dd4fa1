package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type Commit struct {
	Hash, Type, Scope, Text, Author string
	Breaking                        bool
}

var conv = regexp.MustCompile(`^(\w+)(?:\(([^)]+)\))?(!)?:\s*(.+)$`)

func Collect(from, to string) ([]Commit, error) {
	rng := to
	if from != "" {
		rng = from + ".." + to
	}
	out, err := exec.Command("git", "log", rng, "--format=%H\x1f%an\x1f%s\x1f%b\x1e").Output()
	if err != nil {
		return nil, err
	}
	var cs []Commit
	for _, rec := range strings.Split(string(out), "\x1e") {
		rec = strings.TrimSpace(rec)
		if rec == "" {
			continue
		}
		p := strings.SplitN(rec, "\x1f", 4)
		for len(p) < 4 {
			p = append(p, "")
		}
		c := Commit{Hash: p[0], Author: p[1], Text: p[2]}
		if m := conv.FindStringSubmatch(p[2]); m != nil {
			c.Type, c.Scope, c.Breaking, c.Text = m[1], m[2], m[3] == "!", m[4]
		}
		if strings.Contains(p[3], "BREAKING CHANGE") {
			c.Breaking = true
		}
		cs = append(cs, c)
	}
	return cs, nil
}

func NextVersion(cur, bump string, cs []Commit) string {
	if cur == "" {
		cur = "0.0.0"
	}
	parts := strings.SplitN(strings.SplitN(cur, "-", 2)[0], ".", 3)
	n := make([]int, 3)
	for i := range parts {
		n[i], _ = strconv.Atoi(parts[i])
	}
	if bump == "auto" {
		bump = "patch"
		for _, c := range cs {
			if c.Breaking {
				bump = "major"
				break
			}
			if c.Type == "feat" {
				bump = "minor"
			}
		}
	}
	switch bump {
	case "major":
		n[0], n[1], n[2] = n[0]+1, 0, 0
	case "minor":
		n[1], n[2] = n[1]+1, 0
	default:
		n[2]++
	}
	return fmt.Sprintf("%d.%d.%d", n[0], n[1], n[2])
}

func RenderPlain(version, intro string, cs []Commit) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## v%s (%s)\n\n", version, time.Now().Format("2006-01-02"))
	if intro != "" {
		b.WriteString(intro + "\n\n")
	}
	groups := []struct{ typ, title string }{{"feat", "Features"}, {"fix", "Bug fixes"}, {"perf", "Performance"}}
	for _, g := range groups {
		var lines []string
		for _, c := range cs {
			if c.Type == g.typ {
				lines = append(lines, fmt.Sprintf("- %s (%s, @%s)", c.Text, c.Hash[:7], c.Author))
			}
		}
		if len(lines) > 0 {
			b.WriteString("### " + g.title + "\n" + strings.Join(lines, "\n") + "\n\n")
		}
	}
	return b.String()
}

func PrependChangelog(path, section string) error {
	old, _ := os.ReadFile(path)
	body := strings.TrimPrefix(string(old), "# Changelog\n\n")
	return os.WriteFile(path, []byte("# Changelog\n\n"+section+"\n"+body), 0o644)
}

func WriteChecksums(files []string) string {
	var b strings.Builder
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		h := sha256.New()
		_, _ = io.Copy(h, fh)
		fh.Close()
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(h.Sum(nil)), f)
	}
	_ = os.WriteFile("SHA256SUMS", []byte(b.String()), 0o644)
	return "SHA256SUMS"
}
