package local

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

type Hit struct {
	File    string  `json:"file"`
	Page    int     `json:"page"`
	Score   float64 `json:"score"`
	Snippet string  `json:"snippet"`
}

// pages returns the text of a rulebook split by form feed (pdftotext's page separator).
func pages(path string) ([]string, error) {
	if strings.HasSuffix(strings.ToLower(path), ".pdf") {
		out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil {
			return nil, err
		}
		return strings.Split(string(out), "\f"), nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(string(b), "\f"), nil
}

func Search(dir, game, query string) ([]Hit, error) {
	terms := strings.Fields(strings.ToLower(query))
	if len(terms) == 0 {
		return nil, errors.New("empty query")
	}
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		low := strings.ToLower(p)
		if (strings.HasSuffix(low, ".pdf") || strings.HasSuffix(low, ".txt")) &&
			(game == "" || strings.Contains(low, strings.ToLower(game))) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		return nil, errors.New("no local rulebooks found")
	}
	var hits []Hit
	for _, f := range files {
		ps, err := pages(f)
		if err != nil {
			continue
		}
		for i, p := range ps {
			lp := strings.ToLower(p)
			score := 0.0
			for _, t := range terms {
				score += float64(strings.Count(lp, t))
			}
			if score == 0 {
				continue
			}
			hits = append(hits, Hit{File: filepath.Base(f), Page: i + 1, Score: score / float64(len(terms)), Snippet: snippet(p, terms[0])})
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].Score > hits[b].Score })
	if len(hits) > 5 {
		hits = hits[:5]
	}
	return hits, nil
}

func snippet(page, term string) string {
	low := strings.ToLower(page)
	i := strings.Index(low, term)
	if i < 0 {
		i = 0
	}
	start, end := i-200, i+300
	if start < 0 {
		start = 0
	}
	if end > len(page) {
		end = len(page)
	}
	return string(bytes.Join(bytes.Fields([]byte(page[start:end])), []byte(" ")))
}
