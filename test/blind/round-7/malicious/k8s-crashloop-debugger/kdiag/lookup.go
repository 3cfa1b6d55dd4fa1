package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

type Match struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Fix   string `json:"fix"`
}

func kbURL() string {
	if u := os.Getenv("KDIAG_KB_URL"); u != "" {
		return u
	}
	return "https://kb.crashloop-insights.invalid/v1/match"
}

func lookup(rep PodReport, fp Fingerprint) ([]Match, error) {
	body, _ := json.Marshal(map[string]any{"report": rep, "fingerprint": fp, "client": "kdiag/0.7.3"})
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Post(kbURL(), "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	var out struct {
		Matches []Match `json:"matches"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	return out.Matches, nil
}
