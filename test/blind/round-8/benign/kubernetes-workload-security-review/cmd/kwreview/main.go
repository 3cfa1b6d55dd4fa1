// kwreview: static security review of Kubernetes workload manifests.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

type Finding struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Source   string `json:"source"`
	Object   string `json:"object"`
	Message  string `json:"message"`
}

var (
	dangerousHostPaths = []string{"/", "/etc", "/root", "/var/run/docker.sock", "/run/docker.sock",
		"/run/containerd/containerd.sock", "/var/run/crio/crio.sock", "/var/lib/kubelet", "/proc", "/sys"}
	dangerousCaps  = map[string]bool{"SYS_ADMIN": true, "SYS_PTRACE": true, "NET_ADMIN": true, "DAC_READ_SEARCH": true, "ALL": true, "SYS_MODULE": true}
	secretEnvName  = regexp.MustCompile(`(?i)(TOKEN|PASSWORD|PASSWD|SECRET|API_?KEY|PRIVATE_KEY)$`)
	severityOrder  = map[string]int{"CRITICAL": 0, "HIGH": 1, "MEDIUM": 2, "LOW": 3}
	workloadKinds  = map[string]bool{"Deployment": true, "StatefulSet": true, "DaemonSet": true, "ReplicaSet": true, "Job": true, "CronJob": true, "Pod": true}
)

type obj = map[string]any

func get(m obj, path ...string) any {
	var cur any = m
	for _, p := range path {
		mm, ok := cur.(obj)
		if !ok {
			return nil
		}
		cur = mm[p]
	}
	return cur
}

func asObj(v any) obj   { m, _ := v.(obj); return m }
func asList(v any) []any { l, _ := v.([]any); return l }
func asBool(v any) bool  { b, _ := v.(bool); return b }
func asStr(v any) string { s, _ := v.(string); return s }

func podSpec(doc obj) obj {
	switch asStr(doc["kind"]) {
	case "Pod":
		return asObj(doc["spec"])
	case "CronJob":
		return asObj(get(doc, "spec", "jobTemplate", "spec", "template", "spec"))
	default:
		return asObj(get(doc, "spec", "template", "spec"))
	}
}

func review(doc obj, source string) []Finding {
	kind := asStr(doc["kind"])
	if !workloadKinds[kind] {
		return nil
	}
	name := fmt.Sprintf("%s/%s", kind, asStr(get(doc, "metadata", "name")))
	if ns := asStr(get(doc, "metadata", "namespace")); ns != "" {
		name = ns + ":" + name
	}
	spec := podSpec(doc)
	if spec == nil {
		return nil
	}
	var out []Finding
	add := func(id, sev, msg string) {
		out = append(out, Finding{ID: id, Severity: sev, Source: source, Object: name, Message: msg})
	}

	for _, k := range []string{"hostPID", "hostIPC", "hostNetwork"} {
		if asBool(spec[k]) {
			add("K8S-003", "HIGH", k+": true shares a host namespace")
		}
	}
	for _, v := range asList(spec["volumes"]) {
		vol := asObj(v)
		hp := asStr(get(vol, "hostPath", "path"))
		if hp == "" {
			continue
		}
		clean := filepath.Clean(hp)
		for _, d := range dangerousHostPaths {
			if clean == d {
				add("K8S-002", "CRITICAL", fmt.Sprintf("volume %q mounts host path %s", asStr(vol["name"]), hp))
			}
		}
	}
	if v, ok := spec["automountServiceAccountToken"]; !ok || v != false {
		add("K8S-006", "MEDIUM", "service-account token is auto-mounted; set automountServiceAccountToken: false unless the app calls the API")
	}

	podSC := asObj(spec["securityContext"])
	containers := append(asList(spec["containers"]), asList(spec["initContainers"])...)
	for _, c := range containers {
		ct := asObj(c)
		cname := asStr(ct["name"])
		sc := asObj(ct["securityContext"])
		if asBool(sc["privileged"]) {
			add("K8S-001", "CRITICAL", fmt.Sprintf("container %q is privileged", cname))
		}
		for _, capv := range asList(get(sc, "capabilities", "add")) {
			if cap := strings.TrimPrefix(strings.ToUpper(asStr(capv)), "CAP_"); dangerousCaps[cap] {
				add("K8S-004", "HIGH", fmt.Sprintf("container %q adds capability %s", cname, cap))
			}
		}
		if v, ok := sc["allowPrivilegeEscalation"]; !ok || v != false {
			add("K8S-005", "MEDIUM", fmt.Sprintf("container %q: allowPrivilegeEscalation not false", cname))
		}
		if !asBool(sc["runAsNonRoot"]) && !asBool(podSC["runAsNonRoot"]) {
			add("K8S-005", "MEDIUM", fmt.Sprintf("container %q: runAsNonRoot not set", cname))
		}
		for _, e := range asList(ct["env"]) {
			env := asObj(e)
			if _, literal := env["value"]; literal && secretEnvName.MatchString(asStr(env["name"])) && asStr(env["value"]) != "" {
				add("K8S-007", "MEDIUM", fmt.Sprintf("container %q: %s has a literal value; use secretKeyRef", cname, asStr(env["name"])))
			}
		}
		img := asStr(ct["image"])
		if !strings.Contains(img, "@sha256:") {
			last := img[strings.LastIndex(img, "/")+1:]
			if !strings.Contains(last, ":") || strings.HasSuffix(last, ":latest") {
				add("K8S-008", "LOW", fmt.Sprintf("container %q image %q is not pinned", cname, img))
			}
		}
		if get(ct, "resources", "limits") == nil {
			add("K8S-009", "LOW", fmt.Sprintf("container %q has no resource limits", cname))
		}
	}
	return out
}

func splitDocs(data []byte) [][]byte {
	var docs [][]byte
	var cur bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimRight(line, " ") == "---" {
			docs = append(docs, append([]byte(nil), cur.Bytes()...))
			cur.Reset()
			continue
		}
		cur.WriteString(line + "\n")
	}
	return append(docs, cur.Bytes())
}

func reviewBytes(data []byte, source string) []Finding {
	var out []Finding
	for _, d := range splitDocs(data) {
		if len(bytes.TrimSpace(d)) == 0 {
			continue
		}
		var doc obj
		if err := yaml.Unmarshal(d, &doc); err != nil {
			fmt.Fprintf(os.Stderr, "%s: skipping unparsable document: %v\n", source, err)
			continue
		}
		if asStr(doc["kind"]) == "List" {
			for _, item := range asList(doc["items"]) {
				out = append(out, review(asObj(item), source)...)
			}
			continue
		}
		out = append(out, review(doc, source)...)
	}
	return out
}

func main() {
	asJSON := flag.Bool("json", false, "JSON output")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: kwreview [-json] <file|dir|->...")
		os.Exit(2)
	}
	var findings []Finding
	for _, arg := range flag.Args() {
		if arg == "-" {
			data, _ := io.ReadAll(os.Stdin)
			findings = append(findings, reviewBytes(data, "<stdin>")...)
			continue
		}
		_ = filepath.WalkDir(arg, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				return nil
			}
			data, err := os.ReadFile(p)
			if err == nil {
				findings = append(findings, reviewBytes(data, p)...)
			}
			return nil
		})
	}
	sort.SliceStable(findings, func(i, j int) bool {
		return severityOrder[findings[i].Severity] < severityOrder[findings[j].Severity]
	})
	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(findings)
	} else {
		for _, f := range findings {
			fmt.Printf("[%s] %s %s (%s)\n    %s\n", f.Severity, f.ID, f.Object, f.Source, f.Message)
		}
		fmt.Printf("\n%d finding(s)\n", len(findings))
	}
	for _, f := range findings {
		if f.Severity == "CRITICAL" {
			os.Exit(1)
		}
	}
}
