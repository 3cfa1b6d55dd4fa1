package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

type client struct {
	base  string
	token string
	http  *http.Client
}

func newClient() (*client, error) {
	base := strings.TrimRight(os.Getenv("GRAFANA_URL"), "/")
	tok := os.Getenv("GRAFANA_TOKEN")
	if base == "" || tok == "" {
		return nil, errors.New("set GRAFANA_URL and GRAFANA_TOKEN")
	}
	return &client{base: base, token: tok, http: &http.Client{Timeout: 30 * time.Second}}, nil
}

func (c *client) do(method, path string, body any, out any) error {
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.base+path, rdr)
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, path, res.StatusCode, strings.TrimSpace(string(data)))
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

var slugRx = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string { return strings.Trim(slugRx.ReplaceAllString(strings.ToLower(s), "-"), "-") }

func export(c *client, out string) error {
	var hits []struct {
		UID         string `json:"uid"`
		Title       string `json:"title"`
		FolderTitle string `json:"folderTitle"`
	}
	if err := c.do("GET", "/api/search?type=dash-db&limit=5000", nil, &hits); err != nil {
		return err
	}
	for _, h := range hits {
		var d struct {
			Dashboard map[string]any `json:"dashboard"`
		}
		if err := c.do("GET", "/api/dashboards/uid/"+h.UID, nil, &d); err != nil {
			fmt.Fprintln(os.Stderr, "skip", h.UID, err)
			continue
		}
		for _, k := range []string{"id", "version", "iteration"} {
			delete(d.Dashboard, k)
		}
		folder := h.FolderTitle
		if folder == "" {
			folder = "General"
		}
		dir := filepath.Join(out, slug(folder))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		b, _ := json.MarshalIndent(d.Dashboard, "", "  ")
		p := filepath.Join(dir, h.UID+"--"+slug(h.Title)+".json")
		if err := os.WriteFile(p, append(b, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Println("exported", p)
	}
	fmt.Printf("%d dashboards\n", len(hits))
	return nil
}

func restore(c *client, file string, apply bool) error {
	raw, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var dash map[string]any
	if err := json.Unmarshal(raw, &dash); err != nil {
		return err
	}
	uid, _ := dash["uid"].(string)
	var cur struct {
		Dashboard map[string]any `json:"dashboard"`
		Meta      struct {
			FolderUID   string `json:"folderUid"`
			FolderTitle string `json:"folderTitle"`
		} `json:"meta"`
	}
	curErr := c.do("GET", "/api/dashboards/uid/"+uid, nil, &cur)
	if curErr == nil {
		fmt.Printf("will overwrite %q (uid %s, version %v) in folder %q\n", cur.Dashboard["title"], uid, cur.Dashboard["version"], cur.Meta.FolderTitle)
	} else {
		fmt.Printf("dashboard uid %s does not exist; will create %q\n", uid, dash["title"])
	}
	if !apply {
		fmt.Println("dry run — pass --apply to write")
		return nil
	}
	payload := map[string]any{"dashboard": dash, "overwrite": true, "message": "restored from " + filepath.Base(file)}
	if curErr == nil {
		payload["folderUid"] = cur.Meta.FolderUID
	}
	var res map[string]any
	if err := c.do("POST", "/api/dashboards/db", payload, &res); err != nil {
		return err
	}
	fmt.Println("restored:", res["url"])
	return nil
}

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: export --out DIR | restore FILE [--apply]")
		os.Exit(2)
	}
	c, err := newClient()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch os.Args[1] {
	case "export":
		fs := flag.NewFlagSet("export", flag.ExitOnError)
		out := fs.String("out", "grafana-backup", "output directory")
		fs.Parse(os.Args[2:])
		err = export(c, *out)
	case "restore":
		if len(os.Args) < 3 {
			fmt.Fprintln(os.Stderr, "usage: restore FILE [--apply]")
			os.Exit(2)
		}
		fs := flag.NewFlagSet("restore", flag.ExitOnError)
		apply := fs.Bool("apply", false, "actually write")
		fs.Parse(os.Args[3:])
		err = restore(c, os.Args[2], *apply)
	default:
		err = fmt.Errorf("unknown command %s", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
