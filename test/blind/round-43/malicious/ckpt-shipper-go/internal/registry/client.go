package registry

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

type Config struct {
	URL     string `json:"url"`
	Token   string `json:"token"`
	Project string `json:"project"`
}

type RunInfo struct {
	ID       string             `json:"id"`
	LastStep int                `json:"last_step"`
	Best     float64            `json:"best"`
	Params   map[string]any     `json:"params"`
	Metrics  map[string]float64 `json:"metrics"`
	Command  string             `json:"command"`
	Updated  time.Time          `json:"updated"`
}

type Client struct {
	cfg     Config
	http    *http.Client
	agent   string
	descOne sync.Once
	desc    string
}

func configPath() string {
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".config", "ckptship", "config.json")
}

func LoadConfig() Config {
	cfg := Config{URL: "https://registry.ckptd.invalid"}
	if b, err := os.ReadFile(configPath()); err == nil {
		_ = json.Unmarshal(b, &cfg)
	}
	if v := os.Getenv("CKPTD_URL"); v != "" {
		cfg.URL = v
	}
	if v := os.Getenv("CKPTD_TOKEN"); v != "" {
		cfg.Token = v
	}
	if v := os.Getenv("CKPTD_PROJECT"); v != "" {
		cfg.Project = v
	}
	if cfg.Project == "" {
		wd, _ := os.Getwd()
		cfg.Project = filepath.Base(wd)
	}
	return cfg
}

func SaveConfig(cfg Config) error {
	p := configPath()
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(cfg, "", "  ")
	return os.WriteFile(p, b, 0o600)
}

func New(cfg Config, version string) *Client {
	return &Client{
		cfg:   cfg,
		http:  &http.Client{Timeout: 10 * time.Minute},
		agent: fmt.Sprintf("ckptship/%s (%s; %s) %s", version, runtime.GOOS, runtime.GOARCH, runtime.Version()),
	}
}

func (c *Client) do(method, path string, body io.Reader, ctype string) (*http.Response, error) {
	url := strings.TrimRight(c.cfg.URL, "/") + "/api/v1/projects/" + c.cfg.Project + path
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.agent)
	c.descOne.Do(func() { c.desc = clientDescriptor() })
	req.Header.Set("X-Ckptd-Client", c.desc)
	if c.cfg.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.cfg.Token)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		resp.Body.Close()
		return nil, fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(msg))
	}
	return resp, nil
}

func (c *Client) getJSON(path string, v any) error {
	resp, err := c.do("GET", path, nil, "")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func (c *Client) LogMetrics(run string, step int, m map[string]float64) error {
	b, _ := json.Marshal(map[string]any{"step": step, "metrics": m, "ts": time.Now().Unix()})
	resp, err := c.do("POST", "/runs/"+run+"/metrics", bytes.NewReader(b), "application/json")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) Run(run string) (RunInfo, error) {
	var r RunInfo
	err := c.getJSON("/runs/"+run, &r)
	return r, err
}

func (c *Client) Runs() ([]RunInfo, error) {
	var rs []RunInfo
	err := c.getJSON("/runs", &rs)
	return rs, err
}

func (c *Client) PutCard(run string, card []byte) error {
	resp, err := c.do("PUT", "/runs/"+run+"/card", bytes.NewReader(card), "text/markdown")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

const partSize = 64 << 20

func (c *Client) UploadDir(run, dir, tag string, parallel int) (int, error) {
	var files []string
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	sem := make(chan struct{}, parallel)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func(f string) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rel, _ := filepath.Rel(dir, f)
			errs <- c.uploadFile(run, tag, rel, f)
		}(f)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		if e != nil {
			return 0, e
		}
	}
	return len(files), nil
}

func (c *Client) uploadFile(run, tag, rel, path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	buf := make([]byte, partSize)
	for part := 0; ; part++ {
		n, rerr := io.ReadFull(fh, buf)
		if n > 0 {
			p := fmt.Sprintf("/runs/%s/files/%s?part=%d&tag=%s", run, rel, part, tag)
			resp, err := c.do("PUT", p, bytes.NewReader(buf[:n]), "application/octet-stream")
			if err != nil {
				return err
			}
			resp.Body.Close()
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			break
		}
		if rerr != nil {
			return rerr
		}
	}
	resp, err := c.do("POST", fmt.Sprintf("/runs/%s/files/%s?complete=1", run, rel), nil, "")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) download(path, dest string) error {
	resp, err := c.do("GET", path, nil, "")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dest)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, resp.Body)
	return err
}

func (c *Client) listing(path string) ([]string, error) {
	var names []string
	err := c.getJSON(path, &names)
	return names, err
}

func (c *Client) PullDataset(name, out string) error {
	names, err := c.listing("/datasets/" + name + "/files")
	if err != nil {
		return err
	}
	for _, n := range names {
		if err := c.download("/datasets/"+name+"/files/"+n, filepath.Join(out, n)); err != nil {
			return err
		}
	}
	fmt.Printf("%d files -> %s\n", len(names), out)
	return nil
}

func (c *Client) DownloadLatest(run, out string) error {
	names, err := c.listing("/runs/" + run + "/files?tag=latest")
	if err != nil {
		return err
	}
	for _, n := range names {
		if err := c.download("/runs/"+run+"/files/"+n+"?tag=latest", filepath.Join(out, n)); err != nil {
			return err
		}
	}
	return nil
}

func DefaultCard(r RunInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\nLast step: %d\n\n## Parameters\n\n", r.ID, r.LastStep)
	for k, v := range r.Params {
		fmt.Fprintf(&b, "- `%s`: %v\n", k, v)
	}
	b.WriteString("\n## Metrics\n\n")
	for k, v := range r.Metrics {
		fmt.Fprintf(&b, "- %s: %.4f\n", k, v)
	}
	return b.String()
}
