// podsummary reads `kubectl get pods -A -o json` from stdin and prints unhealthy pods grouped by reason.
//
//	kubectl get pods -A -o json | go run ./scripts/podsummary
//	kubectl get pods -n shop -o json | go run ./scripts/podsummary -all
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

type podList struct {
	Items []pod `json:"items"`
}

type pod struct {
	Metadata struct {
		Name              string    `json:"name"`
		Namespace         string    `json:"namespace"`
		CreationTimestamp time.Time `json:"creationTimestamp"`
		OwnerReferences   []struct {
			Kind string `json:"kind"`
			Name string `json:"name"`
		} `json:"ownerReferences"`
	} `json:"metadata"`
	Spec struct {
		NodeName string `json:"nodeName"`
	} `json:"spec"`
	Status struct {
		Phase      string `json:"phase"`
		Reason     string `json:"reason"`
		Conditions []struct {
			Type    string `json:"type"`
			Status  string `json:"status"`
			Reason  string `json:"reason"`
			Message string `json:"message"`
		} `json:"conditions"`
		ContainerStatuses     []containerStatus `json:"containerStatuses"`
		InitContainerStatuses []containerStatus `json:"initContainerStatuses"`
	} `json:"status"`
}

type containerStatus struct {
	Name         string `json:"name"`
	Ready        bool   `json:"ready"`
	RestartCount int    `json:"restartCount"`
	State        struct {
		Waiting *struct {
			Reason  string `json:"reason"`
			Message string `json:"message"`
		} `json:"waiting"`
		Terminated *struct {
			Reason   string `json:"reason"`
			ExitCode int    `json:"exitCode"`
		} `json:"terminated"`
	} `json:"state"`
	LastState struct {
		Terminated *struct {
			Reason   string `json:"reason"`
			ExitCode int    `json:"exitCode"`
		} `json:"terminated"`
	} `json:"lastState"`
}

type finding struct {
	Namespace, Pod, Owner, Container, Reason, Detail, Node string
	Restarts                                                int
	Age                                                     time.Duration
}

func ownerOf(p pod) string {
	if len(p.Metadata.OwnerReferences) == 0 {
		return "-"
	}
	o := p.Metadata.OwnerReferences[0]
	name := o.Name
	if o.Kind == "ReplicaSet" {
		// strip the pod-template-hash suffix to get the Deployment name
		if i := strings.LastIndex(name, "-"); i > 0 {
			name = name[:i]
		}
		return "deploy/" + name
	}
	return strings.ToLower(o.Kind) + "/" + name
}

func analyse(p pod, now time.Time, all bool) []finding {
	base := finding{
		Namespace: p.Metadata.Namespace,
		Pod:       p.Metadata.Name,
		Owner:     ownerOf(p),
		Node:      p.Spec.NodeName,
		Age:       now.Sub(p.Metadata.CreationTimestamp).Truncate(time.Minute),
	}
	var out []finding

	if p.Status.Phase == "Succeeded" {
		return nil
	}
	if p.Status.Phase == "Pending" && p.Spec.NodeName == "" {
		f := base
		f.Reason = "Unschedulable"
		for _, c := range p.Status.Conditions {
			if c.Type == "PodScheduled" && c.Status == "False" {
				f.Detail = c.Message
			}
		}
		return append(out, f)
	}
	if p.Status.Reason == "Evicted" {
		f := base
		f.Reason = "Evicted"
		return append(out, f)
	}

	check := func(cs containerStatus, init bool) {
		f := base
		f.Container = cs.Name
		if init {
			f.Container = "init:" + cs.Name
		}
		f.Restarts = cs.RestartCount
		switch {
		case cs.State.Waiting != nil && cs.State.Waiting.Reason != "" && cs.State.Waiting.Reason != "PodInitializing" && cs.State.Waiting.Reason != "ContainerCreating":
			f.Reason = cs.State.Waiting.Reason
			f.Detail = cs.State.Waiting.Message
			if cs.LastState.Terminated != nil {
				f.Detail = fmt.Sprintf("last exit %d (%s) %s", cs.LastState.Terminated.ExitCode, cs.LastState.Terminated.Reason, f.Detail)
			}
		case cs.State.Terminated != nil && cs.State.Terminated.ExitCode != 0:
			f.Reason = cs.State.Terminated.Reason
			f.Detail = fmt.Sprintf("exit %d", cs.State.Terminated.ExitCode)
		case cs.LastState.Terminated != nil && cs.LastState.Terminated.Reason == "OOMKilled":
			f.Reason = "OOMKilled(recovered)"
			f.Detail = "restarted after OOM"
		case !cs.Ready && !init:
			f.Reason = "NotReady"
		case all:
			f.Reason = "OK"
		default:
			return
		}
		if len(f.Detail) > 90 {
			f.Detail = f.Detail[:87] + "..."
		}
		out = append(out, f)
	}
	for _, cs := range p.Status.InitContainerStatuses {
		if cs.State.Terminated == nil || cs.State.Terminated.ExitCode != 0 {
			check(cs, true)
		}
	}
	for _, cs := range p.Status.ContainerStatuses {
		check(cs, false)
	}
	return out
}

func main() {
	all := flag.Bool("all", false, "include healthy containers")
	flag.Parse()

	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "read stdin:", err)
		os.Exit(1)
	}
	var pl podList
	if err := json.Unmarshal(data, &pl); err != nil {
		fmt.Fprintln(os.Stderr, "expected `kubectl get pods -o json` on stdin:", err)
		os.Exit(1)
	}

	now := time.Now()
	var findings []finding
	for _, p := range pl.Items {
		findings = append(findings, analyse(p, now, *all)...)
	}

	if len(findings) == 0 {
		fmt.Printf("All %d pods look healthy.\n", len(pl.Items))
		return
	}

	byReason := map[string]int{}
	for _, f := range findings {
		byReason[f.Reason]++
	}
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool { return byReason[reasons[i]] > byReason[reasons[j]] })

	fmt.Printf("%d pods scanned, %d container issues\n\n", len(pl.Items), len(findings))
	for _, r := range reasons {
		fmt.Printf("  %-28s %d\n", r, byReason[r])
	}
	fmt.Println()

	sort.Slice(findings, func(i, j int) bool {
		if findings[i].Reason != findings[j].Reason {
			return byReason[findings[i].Reason] > byReason[findings[j].Reason]
		}
		return findings[i].Namespace+findings[i].Pod < findings[j].Namespace+findings[j].Pod
	})

	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REASON\tNAMESPACE\tOWNER\tPOD\tCONTAINER\tRESTARTS\tAGE\tDETAIL")
	for _, f := range findings {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", f.Reason, f.Namespace, f.Owner, f.Pod, f.Container, f.Restarts, f.Age, f.Detail)
	}
	tw.Flush()
}
