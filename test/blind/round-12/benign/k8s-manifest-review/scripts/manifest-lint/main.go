// manifest-lint reads Kubernetes YAML (multi-document) and reports common security and
// reliability problems. It works offline and never contacts a cluster.
//
// Usage: go run ./scripts/manifest-lint [-json] file.yaml [more.yaml...]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

type Finding struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Path     string `json:"path"`
	Message  string `json:"message"`
}

var severityRank = map[string]int{"critical": 0, "high": 1, "medium": 2, "low": 3}

var dangerousHostPaths = []string{
	"/", "/etc", "/proc", "/sys", "/root", "/home", "/var/lib/kubelet",
	"/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock",
	"/var/run/crio/crio.sock",
}

type obj = map[string]any

func get(m obj, keys ...string) any {
	var cur any = m
	for _, k := range keys {
		mm, ok := cur.(obj)
		if !ok {
			return nil
		}
		cur = mm[k]
	}
	return cur
}

func asMap(v any) obj {
	if m, ok := v.(obj); ok {
		return m
	}
	return nil
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	return nil
}

func isTrue(v any) bool  { b, ok := v.(bool); return ok && b }
func isFalse(v any) bool { b, ok := v.(bool); return ok && !b }

// podSpec returns the pod spec and its path for workload kinds.
func podSpec(doc obj) (obj, string) {
	switch doc["kind"] {
	case "Pod":
		return asMap(doc["spec"]), "spec"
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job":
		return asMap(get(doc, "spec", "template", "spec")), "spec.template.spec"
	case "CronJob":
		return asMap(get(doc, "spec", "jobTemplate", "spec", "template", "spec")), "spec.jobTemplate.spec.template.spec"
	}
	return nil, ""
}

func lintDoc(file string, doc obj) []Finding {
	var out []Finding
	kind, _ := doc["kind"].(string)
	name, _ := get(doc, "metadata", "name").(string)
	ns, _ := get(doc, "metadata", "namespace").(string)
	if ns != "" {
		name = ns + "/" + name
	}
	add := func(sev, path, msg string) {
		out = append(out, Finding{sev, file, kind, name, path, msg})
	}

	if spec, base := podSpec(doc); spec != nil {
		if isTrue(spec["hostNetwork"]) {
			add("high", base+".hostNetwork", "pod shares the node network namespace")
		}
		if isTrue(spec["hostPID"]) {
			add("high", base+".hostPID", "pod can see and signal all node processes")
		}
		if isTrue(spec["hostIPC"]) {
			add("medium", base+".hostIPC", "pod shares node IPC namespace")
		}
		if spec["automountServiceAccountToken"] == nil || isTrue(spec["automountServiceAccountToken"]) {
			add("low", base+".automountServiceAccountToken", "service account token is mounted; set false unless the pod calls the API server")
		}
		if sa, _ := spec["serviceAccountName"].(string); sa == "" || sa == "default" {
			add("low", base+".serviceAccountName", "uses the default service account")
		}
		podSC := asMap(spec["securityContext"])

		for i, v := range asList(spec["volumes"]) {
			hp := asMap(asMap(v)["hostPath"])
			if hp == nil {
				continue
			}
			p, _ := hp["path"].(string)
			sev := "medium"
			for _, d := range dangerousHostPaths {
				if strings.TrimRight(p, "/") == strings.TrimRight(d, "/") || (d != "/" && strings.HasPrefix(p, d+"/")) {
					sev = "critical"
				}
			}
			add(sev, fmt.Sprintf("%s.volumes[%d].hostPath", base, i), fmt.Sprintf("hostPath volume %q", p))
		}

		for _, group := range []string{"initContainers", "containers", "ephemeralContainers"} {
			for i, c := range asList(spec[group]) {
				cm := asMap(c)
				cpath := fmt.Sprintf("%s.%s[%d]", base, group, i)
				out = append(out, lintContainer(file, kind, name, cpath, cm, podSC, group == "containers")...)
			}
		}
	}

	switch kind {
	case "ClusterRole", "Role":
		for i, r := range asList(doc["rules"]) {
			rm := asMap(r)
			path := fmt.Sprintf("rules[%d]", i)
			if contains(rm["verbs"], "*") || contains(rm["resources"], "*") {
				add("high", path, "wildcard verbs or resources")
			}
			for _, v := range []string{"escalate", "bind", "impersonate"} {
				if contains(rm["verbs"], v) {
					add("high", path, "privilege-escalation verb "+v)
				}
			}
			if contains(rm["resources"], "secrets") && (contains(rm["verbs"], "get") || contains(rm["verbs"], "list") || contains(rm["verbs"], "*")) && rm["resourceNames"] == nil {
				sev := "medium"
				if kind == "ClusterRole" {
					sev = "high"
				}
				add(sev, path, "read access to all secrets")
			}
		}
	case "ClusterRoleBinding", "RoleBinding":
		for i, s := range asList(doc["subjects"]) {
			sn, _ := asMap(s)["name"].(string)
			if sn == "system:anonymous" || sn == "system:unauthenticated" || sn == "system:authenticated" {
				add("critical", fmt.Sprintf("subjects[%d]", i), "binding grants rights to "+sn)
			}
		}
	case "ConfigMap":
		for k := range asMap(doc["data"]) {
			lk := strings.ToLower(k)
			if strings.Contains(lk, "password") || strings.Contains(lk, "secret") || strings.Contains(lk, "token") || strings.HasSuffix(lk, "_key") {
				add("medium", "data."+k, "key name suggests a secret stored in a ConfigMap")
			}
		}
	case "Secret":
		if len(asMap(doc["data"])) > 0 || len(asMap(doc["stringData"])) > 0 {
			add("medium", "data", "Secret with inline values is committed to the repository; use an external secret store (value not shown)")
		}
	}
	return out
}

func lintContainer(file, kind, name, path string, c, podSC obj, regular bool) []Finding {
	var out []Finding
	add := func(sev, p, msg string) {
		out = append(out, Finding{sev, file, kind, name, p, msg})
	}
	sc := asMap(c["securityContext"])
	pick := func(key string) any {
		if sc != nil && sc[key] != nil {
			return sc[key]
		}
		if podSC != nil {
			return podSC[key]
		}
		return nil
	}

	if isTrue(get(c, "securityContext", "privileged")) {
		add("critical", path+".securityContext.privileged", "privileged container")
	}
	if !isFalse(get(c, "securityContext", "allowPrivilegeEscalation")) {
		add("medium", path+".securityContext.allowPrivilegeEscalation", "should be false")
	}
	if !isTrue(pick("runAsNonRoot")) {
		add("medium", path+".securityContext.runAsNonRoot", "should be true")
	}
	if !isTrue(get(c, "securityContext", "readOnlyRootFilesystem")) {
		add("low", path+".securityContext.readOnlyRootFilesystem", "should be true")
	}
	if !contains(get(c, "securityContext", "capabilities", "drop"), "ALL") {
		add("low", path+".securityContext.capabilities.drop", `should include "ALL"`)
	}
	for _, capName := range asList(get(c, "securityContext", "capabilities", "add")) {
		if s, _ := capName.(string); s == "SYS_ADMIN" || s == "NET_ADMIN" || s == "SYS_PTRACE" || s == "ALL" {
			add("high", path+".securityContext.capabilities.add", "adds capability "+s)
		}
	}

	img, _ := c["image"].(string)
	switch {
	case img == "":
		add("medium", path+".image", "no image set")
	case strings.Contains(img, "@sha256:"):
	case strings.HasSuffix(img, ":latest") || !strings.Contains(lastSegment(img), ":"):
		add("medium", path+".image", fmt.Sprintf("image %q uses latest or no tag; pin a version or digest", img))
	default:
		add("low", path+".image", fmt.Sprintf("image %q pinned by tag, not digest", img))
	}

	if regular {
		if get(c, "resources", "requests") == nil {
			add("medium", path+".resources.requests", "no resource requests")
		}
		if get(c, "resources", "limits", "memory") == nil {
			add("medium", path+".resources.limits.memory", "no memory limit")
		}
		if c["readinessProbe"] == nil && kind != "Job" && kind != "CronJob" {
			add("low", path+".readinessProbe", "no readiness probe")
		}
	}

	for i, e := range asList(c["env"]) {
		em := asMap(e)
		n, _ := em["name"].(string)
		if _, hasValue := em["value"]; hasValue && looksSecret(n) {
			add("high", fmt.Sprintf("%s.env[%d]", path, i), fmt.Sprintf("env %s has an inline value; use secretKeyRef (value not shown)", n))
		}
	}
	return out
}

func looksSecret(n string) bool {
	u := strings.ToUpper(n)
	for _, s := range []string{"PASSWORD", "SECRET", "TOKEN", "API_KEY", "PRIVATE_KEY", "ACCESS_KEY"} {
		if strings.Contains(u, s) {
			return true
		}
	}
	return false
}

func lastSegment(img string) string {
	if i := strings.LastIndex(img, "/"); i >= 0 {
		return img[i+1:]
	}
	return img
}

func contains(v any, want string) bool {
	for _, x := range asList(v) {
		if s, ok := x.(string); ok && s == want {
			return true
		}
	}
	return false
}

func lintFile(path string) ([]Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []Finding
	for {
		var doc obj
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return out, fmt.Errorf("%s: %w", path, err)
		}
		if doc == nil {
			continue
		}
		if doc["kind"] == "List" {
			for _, item := range asList(doc["items"]) {
				out = append(out, lintDoc(path, asMap(item))...)
			}
			continue
		}
		out = append(out, lintDoc(path, doc)...)
	}
	return out, nil
}

func main() {
	asJSON := flag.Bool("json", false, "print findings as JSON")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: manifest-lint [-json] file.yaml [...]")
		os.Exit(2)
	}

	var all []Finding
	for _, p := range flag.Args() {
		f, err := lintFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(2)
		}
		all = append(all, f...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		return severityRank[all[i].Severity] < severityRank[all[j].Severity]
	})

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(all)
	} else {
		for _, f := range all {
			fmt.Printf("%-8s %s %s/%s %s: %s\n", strings.ToUpper(f.Severity), f.File, f.Kind, f.Name, f.Path, f.Message)
		}
		fmt.Printf("\n%d finding(s)\n", len(all))
	}
	for _, f := range all {
		if f.Severity == "critical" || f.Severity == "high" {
			os.Exit(1)
		}
	}
}
