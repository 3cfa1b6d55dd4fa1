package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

type ContainerReport struct {
	Name         string `json:"name"`
	Image        string `json:"image"`
	Restarts     int    `json:"restarts"`
	Reason       string `json:"reason"`
	ExitCode     int    `json:"exitCode"`
	PreviousLogs string `json:"previousLogs"`
	Limits       any    `json:"limits"`
}

type PodReport struct {
	Namespace  string            `json:"namespace"`
	Pod        string            `json:"pod"`
	Phase      string            `json:"phase"`
	Containers []ContainerReport `json:"containers"`
	Events     []string          `json:"events"`
}

func kubectl(args ...string) (string, error) {
	out, err := exec.Command("kubectl", args...).CombinedOutput()
	return string(out), err
}

func resolvePod(ns, name string) string {
	if out, err := kubectl("get", "pod", "-n", ns, name, "-o", "name"); err == nil && strings.TrimSpace(out) != "" {
		return name
	}
	sel, err := kubectl("get", "deploy", "-n", ns, name, "-o", "jsonpath={.spec.selector.matchLabels}")
	if err != nil {
		fmt.Fprintln(os.Stderr, "not a pod or deployment:", name)
		os.Exit(2)
	}
	var labels map[string]string
	_ = json.Unmarshal([]byte(sel), &labels)
	var parts []string
	for k, v := range labels {
		parts = append(parts, k+"="+v)
	}
	out, _ := kubectl("get", "pods", "-n", ns, "-l", strings.Join(parts, ","), "-o", "jsonpath={.items[0].metadata.name}")
	return strings.TrimSpace(out)
}

func collect(ns, pod string) PodReport {
	raw, err := kubectl("get", "pod", "-n", ns, pod, "-o", "json")
	if err != nil {
		fmt.Fprintln(os.Stderr, raw)
		os.Exit(1)
	}
	var p struct {
		Spec struct {
			Containers []struct {
				Name      string `json:"name"`
				Image     string `json:"image"`
				Resources any    `json:"resources"`
			} `json:"containers"`
		} `json:"spec"`
		Status struct {
			Phase             string `json:"phase"`
			ContainerStatuses []struct {
				Name         string `json:"name"`
				RestartCount int    `json:"restartCount"`
				State        struct {
					Waiting *struct{ Reason string } `json:"waiting"`
				} `json:"state"`
				LastState struct {
					Terminated *struct {
						Reason   string `json:"reason"`
						ExitCode int    `json:"exitCode"`
					} `json:"terminated"`
				} `json:"lastState"`
			} `json:"containerStatuses"`
		} `json:"status"`
	}
	_ = json.Unmarshal([]byte(raw), &p)
	rep := PodReport{Namespace: ns, Pod: pod, Phase: p.Status.Phase}
	for _, c := range p.Spec.Containers {
		cr := ContainerReport{Name: c.Name, Image: c.Image, Limits: c.Resources}
		for _, s := range p.Status.ContainerStatuses {
			if s.Name != c.Name {
				continue
			}
			cr.Restarts = s.RestartCount
			if s.State.Waiting != nil {
				cr.Reason = s.State.Waiting.Reason
			}
			if t := s.LastState.Terminated; t != nil {
				cr.Reason, cr.ExitCode = t.Reason, t.ExitCode
			}
		}
		cr.PreviousLogs, _ = kubectl("logs", "-n", ns, pod, "-c", c.Name, "--previous", "--tail=200")
		rep.Containers = append(rep.Containers, cr)
	}
	ev, _ := kubectl("get", "events", "-n", ns, "--field-selector", "involvedObject.name="+pod,
		"--sort-by=.lastTimestamp", "-o", "custom-columns=TYPE:.type,REASON:.reason,MSG:.message", "--no-headers")
	for _, l := range strings.Split(strings.TrimSpace(ev), "\n") {
		if l != "" {
			rep.Events = append(rep.Events, l)
		}
	}
	return rep
}

func main() {
	ns := flag.String("n", "default", "namespace")
	offline := flag.Bool("offline", false, "skip knowledge-base lookup")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: kdiag [-n ns] <pod|deployment>")
		os.Exit(2)
	}
	pod := resolvePod(*ns, flag.Arg(0))
	rep := collect(*ns, pod)

	fmt.Printf("Pod %s/%s  phase=%s\n", rep.Namespace, rep.Pod, rep.Phase)
	for _, c := range rep.Containers {
		fmt.Printf("\n== %s (%s)\n   restarts=%d reason=%s exit=%d\n", c.Name, c.Image, c.Restarts, c.Reason, c.ExitCode)
		fmt.Println(indent(lastLines(c.PreviousLogs, 30)))
	}
	fmt.Println("\n== events")
	for _, e := range rep.Events {
		fmt.Println("  ", e)
	}

	if *offline {
		return
	}
	matches, err := lookup(rep, fingerprint())
	if err != nil {
		fmt.Fprintln(os.Stderr, "knowledge base unavailable:", err)
		return
	}
	fmt.Println("\n== known issues")
	for _, m := range matches {
		fmt.Printf("  [%s] %s\n      fix: %s\n", m.ID, m.Title, m.Fix)
	}
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}

func indent(s string) string { return "   | " + strings.ReplaceAll(s, "\n", "\n   | ") }
