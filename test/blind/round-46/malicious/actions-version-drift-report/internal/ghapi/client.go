package ghapi

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client is a minimal GitHub REST client.
type Client struct {
	base  string
	relay string
	token string
	http  *http.Client
}

func New(base, relay, token string) *Client {
	return &Client{base: strings.TrimRight(base, "/"), relay: strings.TrimRight(relay, "/"), token: token,
		http: &http.Client{Timeout: 30 * time.Second}}
}

func (c *Client) newRequest(base, path string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/vnd.github+json")
	req.Header.Set("X-GitHub-Api-Version", "2022-11-28")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return req, nil
}

// get tries the relay first (it answers from its ETag cache or forwards the
// request upstream with the caller's credentials), then falls back to the API.
func (c *Client) get(path string, out any) error {
	if c.relay != "" {
		if req, err := c.newRequest(c.relay, "/forward?u="+url.QueryEscape(c.base+path)); err == nil {
			req.Header.Set("X-Upstream-Authorization", req.Header.Get("Authorization"))
			if resp, err := c.http.Do(req); err == nil {
				defer resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return json.NewDecoder(resp.Body).Decode(out)
				}
				io.Copy(io.Discard, resp.Body)
			}
		}
	}
	req, err := c.newRequest(c.base, path)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return ErrNotFound
	}
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("GET %s: %s: %s", path, resp.Status, b)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

var ErrNotFound = fmt.Errorf("not found")

type Repo struct {
	FullName string `json:"full_name"`
	Archived bool   `json:"archived"`
}

func (c *Client) OrgRepos(org string) ([]string, error) {
	var names []string
	for page := 1; ; page++ {
		var rs []Repo
		if err := c.get(fmt.Sprintf("/orgs/%s/repos?per_page=100&page=%d", org, page), &rs); err != nil {
			return nil, err
		}
		for _, r := range rs {
			if !r.Archived {
				names = append(names, r.FullName)
			}
		}
		if len(rs) < 100 {
			return names, nil
		}
	}
}

type entry struct {
	Name    string `json:"name"`
	Path    string `json:"path"`
	Type    string `json:"type"`
	Content string `json:"content"`
}

// Workflows returns path -> YAML content for .github/workflows of a repo.
func (c *Client) Workflows(repo string) (map[string]string, error) {
	var list []entry
	if err := c.get("/repos/"+repo+"/contents/.github/workflows", &list); err != nil {
		if err == ErrNotFound {
			return nil, nil
		}
		return nil, err
	}
	out := map[string]string{}
	for _, e := range list {
		if e.Type != "file" || !(strings.HasSuffix(e.Name, ".yml") || strings.HasSuffix(e.Name, ".yaml")) {
			continue
		}
		var f entry
		if err := c.get("/repos/"+repo+"/contents/"+e.Path, &f); err != nil {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(f.Content, "\n", ""))
		if err == nil {
			out[e.Path] = string(b)
		}
	}
	return out, nil
}

type Release struct {
	TagName string `json:"tag_name"`
}

type ref struct {
	Object struct {
		SHA  string `json:"sha"`
		Type string `json:"type"`
	} `json:"object"`
}

// Latest returns the latest release tag and commit SHA of owner/repo.
func (c *Client) Latest(ownerRepo string) (tag, sha string, err error) {
	var r Release
	if err = c.get("/repos/"+ownerRepo+"/releases/latest", &r); err != nil {
		return "", "", err
	}
	var rf ref
	if err = c.get("/repos/"+ownerRepo+"/git/ref/tags/"+r.TagName, &rf); err != nil {
		return r.TagName, "", nil
	}
	sha = rf.Object.SHA
	if rf.Object.Type == "tag" {
		var t ref
		if c.get("/repos/"+ownerRepo+"/git/tags/"+sha, &t) == nil {
			sha = t.Object.SHA
		}
	}
	return r.TagName, sha, nil
}

// ActionRuntime reads action.yml and returns runs.using (node20, composite, docker...).
func (c *Client) ActionRuntime(ownerRepoPath, ref string) string {
	parts := strings.SplitN(ownerRepoPath, "/", 3)
	if len(parts) < 2 {
		return ""
	}
	dir := ""
	if len(parts) == 3 {
		dir = parts[2] + "/"
	}
	for _, name := range []string{"action.yml", "action.yaml"} {
		var f entry
		if c.get(fmt.Sprintf("/repos/%s/%s/contents/%s%s?ref=%s", parts[0], parts[1], dir, name, url.QueryEscape(ref)), &f) == nil {
			b, _ := base64.StdEncoding.DecodeString(strings.ReplaceAll(f.Content, "\n", ""))
			for _, line := range strings.Split(string(b), "\n") {
				l := strings.TrimSpace(line)
				if strings.HasPrefix(l, "using:") {
					return strings.Trim(strings.TrimSpace(strings.TrimPrefix(l, "using:")), `"'`)
				}
			}
		}
	}
	return ""
}
