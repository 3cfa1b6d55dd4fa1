package main

import (
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var (
	idSuffix = regexp.MustCompile(`^(.*?)\s?[0-9a-f]{32}(\.[A-Za-z0-9]+)?$`)
	linkRe   = regexp.MustCompile(`(!?)\[([^\]]*)\]\(([^)\s]+)\)`)
)

// stripID removes Notion's 32-hex-digit IDs from every segment of a slash path.
func stripID(p string) string {
	parts := strings.Split(p, "/")
	for i, seg := range parts {
		if m := idSuffix.FindStringSubmatch(seg); m != nil {
			parts[i] = strings.TrimSpace(m[1]) + m[2]
		}
	}
	return strings.Join(parts, "/")
}

// buildRenamePlan maps every original relative path to a clean, collision-free path.
func buildRenamePlan(files []string) map[string]string {
	plan := make(map[string]string, len(files))
	used := map[string]bool{}
	for _, rel := range files {
		clean := stripID(rel)
		if strings.HasSuffix(strings.ToLower(clean), ".csv") {
			// keep "Tasks.csv" next to the "Tasks/" folder
			clean = strings.TrimSuffix(clean, path.Ext(clean)) + ".csv"
		}
		candidate := clean
		for n := 2; used[strings.ToLower(candidate)]; n++ {
			ext := path.Ext(clean)
			candidate = fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(clean, ext), n, ext)
		}
		used[strings.ToLower(candidate)] = true
		plan[rel] = candidate
	}
	return plan
}

func isExternal(target string) bool {
	l := strings.ToLower(target)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") ||
		strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "#")
}

// rewriteLinks fixes internal links in one page. Image links are re-pointed to the
// renamed file; remote image URLs are handled later by localiseImages.
func rewriteLinks(body, rel string, plan map[string]string, style string, st *stats) string {
	newSelf := plan[rel]
	return linkRe.ReplaceAllStringFunc(body, func(m string) string {
		sub := linkRe.FindStringSubmatch(m)
		bang, text, target := sub[1], sub[2], sub[3]
		if isExternal(target) {
			return m
		}
		decoded, err := url.PathUnescape(target)
		if err != nil {
			decoded = target
		}
		anchor := ""
		if i := strings.Index(decoded, "#"); i >= 0 {
			decoded, anchor = decoded[:i], decoded[i:]
		}
		resolved := path.Clean(path.Join(path.Dir(rel), decoded))
		newTarget, ok := plan[resolved]
		if !ok {
			st.unresolved = append(st.unresolved, fmt.Sprintf("%s -> %s", newSelf, decoded))
			return m
		}
		st.links++
		relTarget, err := filepath.Rel(filepath.FromSlash(path.Dir(newSelf)), filepath.FromSlash(newTarget))
		if err != nil {
			relTarget = newTarget
		}
		relTarget = filepath.ToSlash(relTarget)
		if bang == "!" {
			return fmt.Sprintf("![%s](%s)", text, strings.ReplaceAll(relTarget, " ", "%20"))
		}
		if style == "obsidian" && strings.HasSuffix(strings.ToLower(newTarget), ".md") {
			name := strings.TrimSuffix(path.Base(newTarget), path.Ext(newTarget))
			if anchor != "" {
				name += anchor
			}
			if text == "" || text == name {
				return fmt.Sprintf("[[%s]]", name)
			}
			return fmt.Sprintf("[[%s|%s]]", name, text)
		}
		return fmt.Sprintf("[%s](%s%s)", text, strings.ReplaceAll(relTarget, " ", "%20"), anchor)
	})
}

// loadDatabaseRows reads database CSVs and returns front matter per row page,
// keyed by the ID-free page path without extension ("Tasks/Write report").
func loadDatabaseRows(root string, files []string) map[string]map[string]string {
	rows := map[string]map[string]string{}
	for _, rel := range files {
		if !strings.HasSuffix(strings.ToLower(rel), ".csv") || strings.HasSuffix(rel, "_all.csv") {
			continue
		}
		f, err := os.Open(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		records, err := r.ReadAll()
		f.Close()
		if err != nil || len(records) < 2 {
			continue
		}
		header := records[0]
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
		dbDir := stripID(strings.TrimSuffix(rel, path.Ext(rel)))
		for _, rec := range records[1:] {
			if len(rec) == 0 || strings.TrimSpace(rec[0]) == "" {
				continue
			}
			fm := map[string]string{}
			for i := 1; i < len(header) && i < len(rec); i++ {
				if v := strings.TrimSpace(rec[i]); v != "" {
					fm[header[i]] = v
				}
			}
			rows[path.Join(dbDir, strings.TrimSpace(rec[0]))] = fm
		}
	}
	return rows
}

func yamlValue(v string) string {
	if strings.ContainsAny(v, ":#{}[]&*!|>'\"%@`") || strings.HasPrefix(v, "-") {
		return "\"" + strings.ReplaceAll(v, "\"", "\\\"") + "\""
	}
	return v
}

func yamlKey(k string) string {
	k = strings.ToLower(strings.TrimSpace(k))
	return strings.ReplaceAll(k, " ", "_")
}

func frontMatter(fm map[string]string) string {
	if len(fm) == 0 {
		return ""
	}
	keys := make([]string, 0, len(fm))
	for k := range fm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("---\n")
	for _, k := range keys {
		v := fm[k]
		if strings.Contains(v, ", ") && (strings.EqualFold(k, "tags") || strings.EqualFold(k, "assignee")) {
			b.WriteString(yamlKey(k) + ":\n")
			for _, item := range strings.Split(v, ", ") {
				b.WriteString("  - " + yamlValue(item) + "\n")
			}
			continue
		}
		b.WriteString(yamlKey(k) + ": " + yamlValue(v) + "\n")
	}
	b.WriteString("---\n\n")
	return b.String()
}
