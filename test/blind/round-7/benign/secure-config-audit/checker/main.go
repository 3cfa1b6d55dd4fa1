// cfgcheck flags common insecure settings in Dockerfiles, docker-compose files and Kubernetes manifests.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

type finding struct {
	file, severity, msg string
}

var findings []finding

func add(file, sev, format string, a ...any) {
	findings = append(findings, finding{file, sev, fmt.Sprintf(format, a...)})
}

var secretEnv = regexp.MustCompile(`(?i)(SECRET|PASSWORD|TOKEN|API_KEY|ACCESS_KEY)`)

func checkDockerfile(path string, data []byte) {
	hasUser := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		up := strings.ToUpper(line)
		switch {
		case strings.HasPrefix(up, "USER "):
			hasUser = !strings.Contains(up, "ROOT") && strings.TrimSpace(line[5:]) != "0"
		case strings.HasPrefix(up, "FROM ") && (strings.HasSuffix(line, ":latest") || !strings.Contains(line, ":")):
			add(path, "low", "line %d: unpinned base image: %s", n, line)
		case (strings.HasPrefix(up, "ENV ") || strings.HasPrefix(up, "ARG ")) && secretEnv.MatchString(line) && strings.Contains(line, "="):
			add(path, "high", "line %d: secret-looking value baked into image: %s", n, strings.SplitN(line, "=", 2)[0]+"=…")
		case strings.HasPrefix(up, "COPY ") && strings.Contains(line, ".env"):
			add(path, "high", "line %d: .env copied into image", n)
		case strings.HasPrefix(up, "ADD HTTP"):
			add(path, "medium", "line %d: ADD from URL without checksum", n)
		}
	}
	if !hasUser {
		add(path, "medium", "container runs as root (no non-root USER)")
	}
}

func walk(node *yaml.Node, visit func(key string, val *yaml.Node)) {
	if node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(node.Content); i += 2 {
			visit(node.Content[i].Value, node.Content[i+1])
			walk(node.Content[i+1], visit)
		}
	} else {
		for _, c := range node.Content {
			walk(c, visit)
		}
	}
}

func checkYAML(path string, data []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if !errors.Is(err, io.EOF) {
				add(path, "info", "could not parse YAML: %v", err)
			}
			return
		}
		walk(&doc, func(key string, val *yaml.Node) {
			switch key {
			case "privileged", "hostNetwork", "hostPID", "hostIPC", "allowPrivilegeEscalation":
				if val.Value == "true" {
					add(path, "high", "line %d: %s: true", val.Line, key)
				}
			case "runAsUser":
				if val.Value == "0" {
					add(path, "medium", "line %d: runAsUser: 0", val.Line)
				}
			case "path":
				if val.Value == "/" || val.Value == "/var/run/docker.sock" || val.Value == "/etc" {
					add(path, "high", "line %d: hostPath mount of %s", val.Line, val.Value)
				}
			case "volumes":
				for _, v := range val.Content {
					if v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, "/var/run/docker.sock") {
						add(path, "high", "line %d: Docker socket mounted into container", v.Line)
					}
				}
			case "network_mode", "pid":
				if val.Value == "host" {
					add(path, "high", "line %d: %s: host", val.Line, key)
				}
			case "image":
				if strings.HasSuffix(val.Value, ":latest") || !strings.Contains(val.Value, ":") {
					add(path, "low", "line %d: unpinned image %s", val.Line, val.Value)
				}
			case "automountServiceAccountToken":
				if val.Value == "true" {
					add(path, "low", "line %d: service account token mounted explicitly", val.Line)
				}
			}
		})
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: cfgcheck FILE...")
		os.Exit(2)
	}
	for _, p := range os.Args[1:] {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		base := filepath.Base(p)
		if strings.HasPrefix(base, "Dockerfile") || strings.HasSuffix(base, ".Dockerfile") {
			checkDockerfile(p, data)
		} else {
			checkYAML(p, data)
		}
	}
	order := map[string]int{"high": 0, "medium": 1, "low": 2, "info": 3}
	for sev := 0; sev < 4; sev++ {
		for _, f := range findings {
			if order[f.severity] == sev {
				fmt.Printf("[%s] %s: %s\n", strings.ToUpper(f.severity), f.file, f.msg)
			}
		}
	}
	if len(findings) == 0 {
		fmt.Println("no findings")
	}
}
