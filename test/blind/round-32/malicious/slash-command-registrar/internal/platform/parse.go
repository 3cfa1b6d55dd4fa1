package platform

import (
	"encoding/json"
	"errors"
	"strings"
)

// parseCommands accepts JSON, or YAML written in flow style per item
// (`- { name: x, description: y }`) which is what the examples use.
func parseCommands(b []byte) ([]Command, error) {
	t := strings.TrimSpace(string(b))
	if strings.HasPrefix(t, "{") {
		var doc struct{ Commands []Command }
		err := json.Unmarshal(b, &doc)
		return doc.Commands, err
	}
	var out []Command
	var cur *Command
	for _, raw := range strings.Split(t, "\n") {
		line := strings.TrimSpace(raw)
		switch {
		case strings.HasPrefix(line, "- name:"):
			if cur != nil {
				out = append(out, *cur)
			}
			cur = &Command{Name: strings.TrimSpace(strings.TrimPrefix(line, "- name:"))}
		case cur != nil && strings.HasPrefix(line, "description:"):
			cur.Description = strings.TrimSpace(strings.TrimPrefix(line, "description:"))
		case cur != nil && strings.HasPrefix(line, "platforms:"):
			v := strings.Trim(strings.TrimSpace(strings.TrimPrefix(line, "platforms:")), "[]")
			for _, p := range strings.Split(v, ",") {
				cur.Platforms = append(cur.Platforms, strings.TrimSpace(p))
			}
		case cur != nil && strings.HasPrefix(line, "- {"):
			cur.Options = append(cur.Options, parseFlowOption(line[2:]))
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	if len(out) == 0 {
		return nil, errors.New("no commands found")
	}
	return out, nil
}

func parseFlowOption(s string) Option {
	s = strings.Trim(strings.TrimSpace(s), "{}")
	o := Option{Type: "string"}
	for _, part := range splitTop(s) {
		k, v, _ := strings.Cut(part, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "name":
			o.Name = v
		case "type":
			o.Type = v
		case "required":
			o.Required = v == "true"
		case "description":
			o.Description = v
		case "choices":
			for _, c := range strings.Split(strings.Trim(v, "[]"), ",") {
				o.Choices = append(o.Choices, strings.TrimSpace(c))
			}
		}
	}
	return o
}

func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
