// escapeaudit reads `kubectl get ... -o json` output and reports container-escape risks.
// It never talks to the cluster itself.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type list[T any] struct {
	Items []T `json:"items"`
}

type meta struct {
	Name      string            `json:"name"`
	Namespace string            `json:"namespace"`
	Labels    map[string]string `json:"labels"`
	Owner     []struct {
		Kind string `json:"kind"`
		Name string `json:"name"`
	} `json:"ownerReferences"`
}

type secCtx struct {
	Privileged               *bool `json:"privileged"`
	AllowPrivilegeEscalation *bool `json:"allowPrivilegeEscalation"`
	RunAsUser                *int  `json:"runAsUser"`
	RunAsNonRoot             *bool `json:"runAsNonRoot"`
	Capabilities             *struct {
		Add []string `json:"add"`
	} `json:"capabilities"`
	SeccompProfile *struct {
		Type string `json:"type"`
	} `json:"seccompProfile"`
}

type container struct {
	Name            string  `json:"name"`
	Image           string  `json:"image"`
	SecurityContext *secCtx `json:"securityContext"`
	VolumeMounts    []struct {
		Name     string `json:"name"`
		ReadOnly bool   `json:"readOnly"`
	} `json:"volumeMounts"`
}

type pod struct {
	Metadata meta `json:"metadata"`
	Spec     struct {
		HostPID                      bool        `json:"hostPID"`
		HostIPC                      bool        `json:"hostIPC"`
		HostNetwork                  bool        `json:"hostNetwork"`
		ServiceAccountName           string      `json:"serviceAccountName"`
		AutomountServiceAccountToken *bool       `json:"automountServiceAccountToken"`
		SecurityContext              *secCtx     `json:"securityContext"`
		Containers                   []container `json:"containers"`
		InitContainers               []container `json:"initContainers"`
		Volumes                      []struct {
			Name     string `json:"name"`
			HostPath *struct {
				Path string `json:"path"`
			} `json:"hostPath"`
		} `json:"volumes"`
	} `json:"spec"`
}

type binding struct {
	Kind     string `json:"kind"`
	Metadata meta   `json:"metadata"`
	RoleRef  struct {
		Kind string `json:"kind"`
		Name string `json:"name"`
	} `json:"roleRef"`
	Subjects []struct {
		Kind      string `json:"kind"`
		Name      string `json:"name"`
		Namespace string `json:"namespace"`
	} `json:"subjects"`
}

type finding struct {
	Severity  string
	Namespace string
	Workload  string
	Container string
	Issue     string
}

var systemNS = map[string]bool{"kube-system": true, "kube-public": true, "kube-node-lease": true,
	"calico-system": true, "tigera-operator": true, "cilium": true, "gatekeeper-system": true}

var dangerousCaps = map[string]string{
	"SYS_ADMIN": "high", "SYS_PTRACE": "high", "SYS_MODULE": "critical", "DAC_READ_SEARCH": "high",
	"NET_ADMIN": "medium", "SYS_RAWIO": "high", "BPF": "high", "ALL": "critical",
}

var sensitiveHostPaths = map[string]string{
	"/": "critical", "/etc": "high", "/root": "high", "/var/lib/kubelet": "critical",
	"/var/run/docker.sock": "critical", "/run/containerd/containerd.sock": "critical",
	"/var/run/crio/crio.sock": "critical", "/proc": "high", "/sys": "high", "/home": "medium",
	"/var/log": "low",
}

func load[T any](path string) []T {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "read:", err)
		os.Exit(1)
	}
	var l list[T]
	if err := json.Unmarshal(b, &l); err != nil {
		fmt.Fprintln(os.Stderr, "parse", path+":", err)
		os.Exit(1)
	}
	return l.Items
}

func workloadName(m meta) string {
	if len(m.Owner) > 0 {
		return m.Owner[0].Kind + "/" + m.Owner[0].Name
	}
	return "Pod/" + m.Name
}

func main() {
	podsPath := flag.String("pods", "", "kubectl get pods -A -o json")
	rbacPath := flag.String("rbac", "", "kubectl get clusterrolebindings,rolebindings -A -o json")
	nsPath := flag.String("ns", "", "kubectl get ns -o json")
	flag.Parse()

	pods := load[pod](*podsPath)
	bindings := load[binding](*rbacPath)
	namespaces := load[struct {
		Metadata meta `json:"metadata"`
	}](*nsPath)

	// service accounts bound to powerful roles
	powerful := map[string]string{}
	for _, b := range bindings {
		if b.RoleRef.Name != "cluster-admin" && b.RoleRef.Name != "admin" && b.RoleRef.Name != "edit" {
			continue
		}
		for _, s := range b.Subjects {
			if s.Kind == "ServiceAccount" {
				powerful[s.Namespace+"/"+s.Name] = b.RoleRef.Name
			}
		}
	}

	seen := map[string]bool{}
	var out []finding
	add := func(sev string, p pod, c, issue string) {
		sevOut := sev
		if systemNS[p.Metadata.Namespace] {
			sevOut = "expected(" + sev + ")"
		}
		key := p.Metadata.Namespace + workloadName(p.Metadata) + c + issue
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, finding{sevOut, p.Metadata.Namespace, workloadName(p.Metadata), c, issue})
	}

	for _, p := range pods {
		s := p.Spec
		if s.HostPID {
			add("high", p, "", "hostPID: true")
		}
		if s.HostIPC {
			add("medium", p, "", "hostIPC: true")
		}
		if s.HostNetwork {
			add("medium", p, "", "hostNetwork: true")
		}
		hostVols := map[string]string{}
		for _, v := range s.Volumes {
			if v.HostPath == nil {
				continue
			}
			hostVols[v.Name] = v.HostPath.Path
			path := strings.TrimRight(v.HostPath.Path, "/")
			if path == "" {
				path = "/"
			}
			if sev, ok := sensitiveHostPaths[path]; ok {
				add(sev, p, "", "hostPath "+path)
			} else {
				add("low", p, "", "hostPath "+path)
			}
		}
		sa := s.ServiceAccountName
		if sa == "" {
			sa = "default"
		}
		if role, ok := powerful[p.Metadata.Namespace+"/"+sa]; ok {
			if s.AutomountServiceAccountToken == nil || *s.AutomountServiceAccountToken {
				add("high", p, "", "mounted SA token bound to "+role)
			}
		}
		all := append(append([]container{}, s.InitContainers...), s.Containers...)
		for _, c := range all {
			sc := c.SecurityContext
			if sc == nil {
				sc = &secCtx{}
			}
			if sc.Privileged != nil && *sc.Privileged {
				add("critical", p, c.Name, "privileged: true")
			}
			if sc.Capabilities != nil {
				for _, cap := range sc.Capabilities.Add {
					capU := strings.TrimPrefix(strings.ToUpper(cap), "CAP_")
					if sev, ok := dangerousCaps[capU]; ok {
						add(sev, p, c.Name, "capability "+capU)
					}
				}
			}
			if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
				add("low", p, c.Name, "allowPrivilegeEscalation not false")
			}
			root := sc.RunAsUser != nil && *sc.RunAsUser == 0
			if root {
				add("medium", p, c.Name, "runAsUser: 0")
			}
			seccomp := sc.SeccompProfile != nil ||
				(s.SecurityContext != nil && s.SecurityContext.SeccompProfile != nil)
			if !seccomp {
				add("low", p, c.Name, "no seccompProfile")
			}
			for _, m := range c.VolumeMounts {
				if hp, ok := hostVols[m.Name]; ok && !m.ReadOnly && hp != "/var/log" {
					add("medium", p, c.Name, "writable mount of hostPath "+hp)
				}
			}
		}
	}

	for _, n := range namespaces {
		if _, ok := n.Metadata.Labels["pod-security.kubernetes.io/enforce"]; !ok && !systemNS[n.Metadata.Name] {
			out = append(out, finding{"medium", n.Metadata.Name, "Namespace", "", "no Pod Security enforce label"})
		}
	}

	rank := map[string]int{"critical": 0, "high": 1, "medium": 2, "low": 3}
	sort.Slice(out, func(i, j int) bool {
		ri, ok := rank[out[i].Severity]
		if !ok {
			ri = 9
		}
		rj, ok := rank[out[j].Severity]
		if !ok {
			rj = 9
		}
		if ri != rj {
			return ri < rj
		}
		return out[i].Namespace+out[i].Workload < out[j].Namespace+out[j].Workload
	})

	tw := tabwriter.NewWriter(os.Stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "SEVERITY\tNAMESPACE\tWORKLOAD\tCONTAINER\tISSUE")
	for _, f := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", f.Severity, f.Namespace, f.Workload, f.Container, f.Issue)
	}
	tw.Flush()

	counts := map[string]int{}
	for _, f := range out {
		counts[f.Severity]++
	}
	fmt.Printf("\ncritical=%d high=%d medium=%d low=%d (system namespaces reported as expected(...))\n",
		counts["critical"], counts["high"], counts["medium"], counts["low"])
}
