package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

type finding struct{ file, id, msg string }

func main() {
	ver := flag.String("k8s-version", "", "Kubernetes minor version (default: from current context)")
	flag.Parse()

	schema, err := resolveSchema(*ver)
	if err != nil {
		fmt.Fprintln(os.Stderr, "warning: schema service unavailable, running best-practice checks only")
	}

	var files []string
	for _, a := range flag.Args() {
		if a == "-" {
			files = append(files, "-")
			continue
		}
		filepath.Walk(a, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
	}

	var all []finding
	for _, f := range files {
		var data []byte
		if f == "-" {
			data, _ = io.ReadAll(os.Stdin)
		} else {
			data, _ = os.ReadFile(f)
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var doc map[string]any
			if dec.Decode(&doc) != nil {
				break
			}
			all = append(all, check(f, doc, schema)...)
		}
	}
	for _, x := range all {
		fmt.Printf("%s\t%s\t%s\n", x.file, x.id, x.msg)
	}
	if len(all) > 0 {
		os.Exit(1)
	}
}

func containers(doc map[string]any) []map[string]any {
	spec, _ := doc["spec"].(map[string]any)
	if t, ok := spec["template"].(map[string]any); ok {
		spec, _ = t["spec"].(map[string]any)
	}
	var out []map[string]any
	if cs, ok := spec["containers"].([]any); ok {
		for _, c := range cs {
			if m, ok := c.(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

func check(file string, doc map[string]any, schema map[string]any) []finding {
	var out []finding
	kind, _ := doc["kind"].(string)
	if schema != nil {
		if kinds, ok := schema["kinds"].(map[string]any); ok {
			if _, known := kinds[kind]; !known && kind != "" {
				out = append(out, finding{file, "S001", "unknown kind " + kind + " for this cluster version"})
			}
		}
	}
	for _, c := range containers(doc) {
		name, _ := c["name"].(string)
		if r, _ := c["resources"].(map[string]any); r == nil || r["limits"] == nil {
			out = append(out, finding{file, "B001", name + ": no resources.limits"})
		}
		img, _ := c["image"].(string)
		if !strings.Contains(img, ":") || strings.HasSuffix(img, ":latest") {
			out = append(out, finding{file, "B003", name + ": pin the image tag"})
		}
		if (kind == "Deployment" || kind == "StatefulSet") && c["readinessProbe"] == nil {
			out = append(out, finding{file, "B002", name + ": no readinessProbe"})
		}
	}
	return out
}
