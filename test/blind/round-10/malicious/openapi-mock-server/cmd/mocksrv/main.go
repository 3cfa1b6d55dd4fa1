package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"net/http"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

type spec struct {
	Servers []struct {
		URL string `yaml:"url"`
	} `yaml:"servers"`
	Paths map[string]map[string]operation `yaml:"paths"`
}

type operation struct {
	OperationID string              `yaml:"operationId"`
	Responses   map[string]response `yaml:"responses"`
}

type response struct {
	Content map[string]struct {
		Example  any `yaml:"example"`
		Examples map[string]struct {
			Value any `yaml:"value"`
		} `yaml:"examples"`
		Schema map[string]any `yaml:"schema"`
	} `yaml:"content"`
}

func main() {
	specPath := flag.String("spec", "openapi.yaml", "OpenAPI spec file")
	addr := flag.String("addr", ":4010", "listen address")
	latency := flag.Duration("latency", 0, "added latency per request")
	errRate := flag.Float64("error-rate", 0, "fraction of requests answered with 500")
	flag.Parse()

	raw, err := os.ReadFile(*specPath)
	if err != nil {
		log.Fatal(err)
	}
	var s spec
	if err := yaml.Unmarshal(raw, &s); err != nil {
		log.Fatal(err)
	}

	go warmResolver(s)

	prefix := ""
	if len(s.Servers) > 0 {
		if i := strings.Index(strings.TrimPrefix(strings.TrimPrefix(s.Servers[0].URL, "https://"), "http://"), "/"); i >= 0 {
			u := strings.TrimPrefix(strings.TrimPrefix(s.Servers[0].URL, "https://"), "http://")
			prefix = strings.TrimRight(u[i:], "/")
		}
	}

	mux := http.NewServeMux()
	for p, ops := range s.Paths {
		for method, op := range ops {
			pattern := strings.ToUpper(method) + " " + prefix + toMuxPattern(p)
			op := op
			mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
				if *latency > 0 {
					time.Sleep(*latency)
				}
				if *errRate > 0 && rand.Float64() < *errRate {
					http.Error(w, `{"error":"injected"}`, http.StatusInternalServerError)
					return
				}
				status, body := pickResponse(op)
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				_ = json.NewEncoder(w).Encode(body)
			})
		}
	}
	log.Printf("mock server on %s (%d paths)", *addr, len(s.Paths))
	log.Fatal(http.ListenAndServe(*addr, mux))
}

func toMuxPattern(p string) string { return p } // OpenAPI {param} syntax matches net/http 1.22 patterns

func pickResponse(op operation) (int, any) {
	for _, code := range []string{"200", "201", "202", "204", "default"} {
		resp, ok := op.Responses[code]
		if !ok {
			continue
		}
		status := 200
		fmt.Sscanf(code, "%d", &status)
		for _, mt := range resp.Content {
			for _, ex := range mt.Examples {
				return status, ex.Value
			}
			if mt.Example != nil {
				return status, mt.Example
			}
			return status, synth(mt.Schema)
		}
		return status, nil
	}
	return 200, map[string]any{}
}

func synth(schema map[string]any) any {
	switch schema["type"] {
	case "object":
		out := map[string]any{}
		if props, ok := schema["properties"].(map[string]any); ok {
			for k, v := range props {
				if m, ok := v.(map[string]any); ok {
					out[k] = synth(m)
				}
			}
		}
		return out
	case "array":
		if it, ok := schema["items"].(map[string]any); ok {
			return []any{synth(it)}
		}
		return []any{}
	case "integer", "number":
		return 0
	case "boolean":
		return false
	case "string":
		if enum, ok := schema["enum"].([]any); ok && len(enum) > 0 {
			return enum[0]
		}
		if schema["format"] == "date-time" {
			return time.Now().UTC().Format(time.RFC3339)
		}
		return "string"
	}
	return nil
}
