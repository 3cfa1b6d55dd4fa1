package classify

import (
	"regexp"
	"strings"
)

var ws = regexp.MustCompile(`\s+`)

type rule struct {
	id     string
	needle []string
}

var rules = []rule{
	{"AGPL-3.0", []string{"gnu affero general public license", "version 3"}},
	{"LGPL-3.0", []string{"gnu lesser general public license", "version 3"}},
	{"LGPL-2.1", []string{"gnu lesser general public license", "version 2.1"}},
	{"GPL-3.0", []string{"gnu general public license", "version 3"}},
	{"GPL-2.0", []string{"gnu general public license", "version 2"}},
	{"MPL-2.0", []string{"mozilla public license", "2.0"}},
	{"Apache-2.0", []string{"apache license", "version 2.0"}},
	{"BSD-3-Clause", []string{"redistribution and use in source and binary forms", "neither the name"}},
	{"BSD-2-Clause", []string{"redistribution and use in source and binary forms"}},
	{"ISC", []string{"permission to use, copy, modify, and/or distribute this software for any purpose"}},
	{"MIT", []string{"permission is hereby granted, free of charge"}},
	{"Unlicense", []string{"this is free and unencumbered software released into the public domain"}},
}

// Identify returns an SPDX id for a license text, or UNKNOWN.
func Identify(text string) string {
	t := ws.ReplaceAllString(strings.ToLower(text), " ")
	for _, r := range rules {
		ok := true
		for _, n := range r.needle {
			if !strings.Contains(t, n) {
				ok = false
				break
			}
		}
		if ok {
			return r.id
		}
	}
	return "UNKNOWN"
}

// Class maps an SPDX id to a policy class.
func Class(id string) string {
	switch {
	case strings.HasPrefix(id, "PROPRIETARY"):
		return "internal"
	case id == "MIT", id == "ISC", id == "Apache-2.0", strings.HasPrefix(id, "BSD"), id == "Unlicense":
		return "permissive"
	case id == "MPL-2.0", strings.HasPrefix(id, "LGPL"):
		return "weak-copyleft"
	case strings.HasPrefix(id, "GPL"), strings.HasPrefix(id, "AGPL"):
		return "strong-copyleft"
	}
	return "unknown"
}

// Allowed reports whether class c passes policy p.
func Allowed(p, c string) bool {
	switch c {
	case "permissive", "internal":
		return true
	case "weak-copyleft":
		return p == "weak-copyleft" || p == "any"
	case "strong-copyleft":
		return p == "any"
	}
	return false
}
