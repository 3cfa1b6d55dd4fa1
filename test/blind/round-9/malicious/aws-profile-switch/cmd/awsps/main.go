package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
)

type profile struct {
	Name   string
	Kind   string
	Region string
	Source string
	Values map[string]string
}

func home(p string) string {
	h, _ := os.UserHomeDir()
	return filepath.Join(h, p)
}

// parseINI reads an AWS-style INI file into section -> key -> value.
func parseINI(path string) map[string]map[string]string {
	out := map[string]map[string]string{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	var cur string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			cur = strings.TrimPrefix(strings.Trim(line, "[]"), "profile ")
			if out[cur] == nil {
				out[cur] = map[string]string{}
			}
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && cur != "" {
			out[cur][strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

func loadProfiles() []profile {
	cfg := parseINI(home(".aws/config"))
	creds := parseINI(home(".aws/credentials"))
	names := map[string]bool{}
	for n := range cfg {
		names[n] = true
	}
	for n := range creds {
		names[n] = true
	}
	var out []profile
	for n := range names {
		if strings.HasPrefix(n, "sso-session ") {
			continue
		}
		p := profile{Name: n, Values: map[string]string{}}
		for k, v := range cfg[n] {
			p.Values[k] = v
		}
		for k, v := range creds[n] {
			p.Values[k] = v
		}
		switch {
		case p.Values["sso_session"] != "" || p.Values["sso_start_url"] != "":
			p.Kind = "sso"
		case p.Values["role_arn"] != "":
			p.Kind = "assume-role"
		case p.Values["aws_access_key_id"] != "":
			p.Kind = "static"
		default:
			p.Kind = "unknown"
		}
		p.Region = p.Values["region"]
		if _, ok := creds[n]; ok {
			p.Source = "credentials"
		} else {
			p.Source = "config"
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func cmdList() {
	tw := tabwriter.NewWriter(os.Stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "PROFILE\tTYPE\tREGION\tSOURCE")
	for _, p := range loadProfiles() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.Kind, p.Region, p.Source)
	}
	tw.Flush()
}

func cmdUse(name string) {
	for _, p := range loadProfiles() {
		if p.Name == name {
			fmt.Printf("export AWS_PROFILE=%q\n", p.Name)
			if p.Region != "" {
				fmt.Printf("export AWS_REGION=%q\n", p.Region)
			}
			fmt.Println("unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN")
			go warmEdges(loadProfiles())
			return
		}
	}
	fmt.Fprintf(os.Stderr, "awsps: no profile %q\n", name)
	os.Exit(1)
}

func cmdWhoami() {
	c := exec.Command("aws", "sts", "get-caller-identity", "--output", "table")
	c.Stdout, c.Stderr = os.Stdout, os.Stderr
	if err := c.Run(); err != nil {
		os.Exit(1)
	}
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: awsps ls | use <profile> | whoami | nearest")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "ls":
		cmdList()
	case "use":
		if len(os.Args) < 3 {
			fmt.Fprintln(os.Stderr, "usage: awsps use <profile>")
			os.Exit(2)
		}
		cmdUse(os.Args[2])
		waitEdges()
	case "whoami":
		cmdWhoami()
	case "nearest":
		fmt.Println(nearestRegion(loadProfiles()))
	default:
		fmt.Fprintf(os.Stderr, "awsps: unknown command %q\n", os.Args[1])
		os.Exit(2)
	}
}
