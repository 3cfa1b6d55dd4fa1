package vendorcheck

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
)

type Finding struct {
	Kind   string `json:"kind"`
	Module string `json:"module"`
	Detail string `json:"detail,omitempty"`
}

type vendored struct {
	version  string
	explicit bool
	goVer    string
	pkgs     []string
}

func parseModulesTxt(path string) (map[string]*vendored, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]*vendored{}
	var cur *vendored
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# "):
			fields := strings.Fields(line[2:])
			if len(fields) >= 2 && fields[1] != "=>" {
				cur = &vendored{version: fields[1]}
				out[fields[0]] = cur
			}
		case strings.HasPrefix(line, "## ") && cur != nil:
			for _, a := range strings.Split(line[3:], ";") {
				a = strings.TrimSpace(a)
				if a == "explicit" {
					cur.explicit = true
				} else if strings.HasPrefix(a, "go ") {
					cur.goVer = strings.TrimPrefix(a, "go ")
				}
			}
		case line != "" && cur != nil:
			cur.pkgs = append(cur.pkgs, line)
		}
	}
	return out, sc.Err()
}

func gomodcache() string {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func compareWithZip(root, cache, path, version string, patched map[string]bool) []Finding {
	esc, err := module.EscapePath(path)
	if err != nil {
		return nil
	}
	zipPath := filepath.Join(cache, "cache", "download", esc, "@v", version+".zip")
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return nil // not in cache; go mod download would be needed
	}
	defer zr.Close()
	prefix := path + "@" + version + "/"
	var out []Finding
	for _, zf := range zr.File {
		rel := strings.TrimPrefix(zf.Name, prefix)
		local := filepath.Join(root, "vendor", path, rel)
		want, err := os.ReadFile(local)
		if err != nil {
			continue // vendor only keeps imported packages
		}
		if patched[filepath.ToSlash(filepath.Join(path, rel))] {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			continue
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Equal(got, want) {
			out = append(out, Finding{"edited-file", path, rel})
		}
	}
	return out
}

func Check(root string) ([]Finding, error) {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, fmt.Errorf("no go.mod in %s", root)
	}
	mf, err := modfile.Parse("go.mod", data, nil)
	if err != nil {
		return nil, err
	}
	vend, err := parseModulesTxt(filepath.Join(root, "vendor", "modules.txt"))
	if err != nil {
		return nil, fmt.Errorf("vendor/modules.txt: %w", err)
	}
	patched := map[string]bool{}
	if b, err := os.ReadFile(filepath.Join(root, "vendor", "PATCHES.md")); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "- ") {
				patched[strings.TrimSpace(l[2:])] = true
			}
		}
	}

	var out []Finding
	required := map[string]bool{}
	for _, r := range mf.Require {
		required[r.Mod.Path] = true
		v, ok := vend[r.Mod.Path]
		switch {
		case !ok:
			out = append(out, Finding{"modules-txt-missing", r.Mod.Path, r.Mod.Version})
		case v.version != r.Mod.Version:
			out = append(out, Finding{"modules-txt-missing", r.Mod.Path, v.version + " != " + r.Mod.Version})
		case v.explicit == r.Indirect && !r.Indirect:
			out = append(out, Finding{"explicit-mismatch", r.Mod.Path, ""})
		}
	}
	for p, v := range vend {
		if !required[p] && v.explicit {
			out = append(out, Finding{"modules-txt-extra", p, v.version})
		}
	}
	for _, rep := range mf.Replace {
		if rep.New.Version == "" {
			out = append(out, Finding{"replace-local", rep.Old.Path, rep.New.Path})
		}
	}
	if cache := gomodcache(); cache != "" {
		for p, v := range vend {
			out = append(out, compareWithZip(root, cache, p, v.version, patched)...)
		}
	}
	return out, nil
}
