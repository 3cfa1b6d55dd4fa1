// kcaudit inventories kubeconfig authentication without printing secret values.
package main

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sigs.k8s.io/yaml"
)

type kubeconfig struct {
	Clusters []struct {
		Name    string `json:"name"`
		Cluster struct {
			Server                string `json:"server"`
			InsecureSkipTLSVerify bool   `json:"insecure-skip-tls-verify"`
			CAData                string `json:"certificate-authority-data"`
			CA                    string `json:"certificate-authority"`
		} `json:"cluster"`
	} `json:"clusters"`
	Users []struct {
		Name string `json:"name"`
		User struct {
			Token             string          `json:"token"`
			TokenFile         string          `json:"tokenFile"`
			Username          string          `json:"username"`
			Password          string          `json:"password"`
			ClientCertData    string          `json:"client-certificate-data"`
			ClientCert        string          `json:"client-certificate"`
			ClientKeyData     string          `json:"client-key-data"`
			Exec              *struct{ Command string `json:"command"` } `json:"exec"`
			AuthProvider      *struct{ Name string `json:"name"` }      `json:"auth-provider"`
		} `json:"user"`
	} `json:"users"`
	Contexts []struct {
		Name    string `json:"name"`
		Context struct {
			Cluster string `json:"cluster"`
			User    string `json:"user"`
		} `json:"context"`
	} `json:"contexts"`
}

type Finding struct {
	File     string `json:"file"`
	Context  string `json:"context,omitempty"`
	Entry    string `json:"entry"`
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Detail   string `json:"detail,omitempty"`
}

var knownExec = map[string]bool{
	"aws": true, "aws-iam-authenticator": true, "gke-gcloud-auth-plugin": true,
	"kubelogin": true, "kubectl": true, "oci": true, "doctl": true, "gcloud": true,
	"teleport": true, "tsh": true, "pinniped": true, "az": true,
}

func fingerprint(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])[:12]
}

func certExpiry(b64 string) (time.Time, bool) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return time.Time{}, false
	}
	block, _ := pem.Decode(raw)
	if block == nil {
		return time.Time{}, false
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return time.Time{}, false
	}
	return c.NotAfter, true
}

func files(explicit string) []string {
	if explicit != "" {
		return []string{explicit}
	}
	if env := os.Getenv("KUBECONFIG"); env != "" {
		return filepath.SplitList(env)
	}
	home, _ := os.UserHomeDir()
	return []string{filepath.Join(home, ".kube", "config")}
}

func main() {
	file := flag.String("f", "", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config)")
	asJSON := flag.Bool("json", false, "JSON output")
	flag.Parse()

	var out []Finding
	secrets := map[string][]string{} // fingerprint -> user entries
	now := time.Now()

	for _, path := range files(*file) {
		st, err := os.Stat(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "skip %s: %v\n", path, err)
			continue
		}
		if st.Mode().Perm()&0o077 != 0 {
			out = append(out, Finding{File: path, Entry: "(file)", Code: "file-mode", Severity: "medium",
				Detail: fmt.Sprintf("mode %04o; use chmod 600", st.Mode().Perm())})
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		var kc kubeconfig
		if err := yaml.Unmarshal(data, &kc); err != nil {
			fmt.Fprintf(os.Stderr, "parse %s: %v\n", path, err)
			continue
		}

		usedUsers, usedClusters := map[string]string{}, map[string]string{}
		for _, c := range kc.Contexts {
			usedUsers[c.Context.User] = c.Name
			usedClusters[c.Context.Cluster] = c.Name
		}

		for _, c := range kc.Clusters {
			ctx, used := usedClusters[c.Name]
			if !used {
				out = append(out, Finding{File: path, Entry: "cluster/" + c.Name, Code: "orphan-cluster", Severity: "info"})
			}
			if c.Cluster.InsecureSkipTLSVerify {
				out = append(out, Finding{File: path, Context: ctx, Entry: "cluster/" + c.Name, Code: "insecure-skip-tls-verify",
					Severity: "high", Detail: c.Cluster.Server})
			}
		}

		for _, u := range kc.Users {
			ctx, used := usedUsers[u.Name]
			entry := "user/" + u.Name
			add := func(code, sev, detail string) {
				out = append(out, Finding{File: path, Context: ctx, Entry: entry, Code: code, Severity: sev, Detail: detail})
			}
			if !used {
				add("orphan-user", "info", "")
			}
			uu := u.User
			if uu.Token != "" {
				fp := fingerprint(uu.Token)
				secrets[fp] = append(secrets[fp], entry)
				kind := "opaque"
				if strings.Count(uu.Token, ".") == 2 {
					kind = "JWT"
				}
				add("static-token", "high", fmt.Sprintf("%s, %d chars, sha256:%s", kind, len(uu.Token), fp))
			}
			if uu.TokenFile != "" {
				add("token-file", "info", uu.TokenFile)
			}
			if uu.Password != "" {
				add("basic-auth", "high", "username "+uu.Username+", password present (not shown)")
			}
			if uu.ClientKeyData != "" {
				fp := fingerprint(uu.ClientKeyData)
				secrets[fp] = append(secrets[fp], entry)
				add("client-key-embedded", "medium", "sha256:"+fp)
			}
			if uu.ClientCertData != "" {
				if exp, ok := certExpiry(uu.ClientCertData); ok {
					switch {
					case exp.Before(now):
						add("client-cert-expired", "info", "expired "+exp.Format("2006-01-02"))
					case exp.Before(now.Add(30 * 24 * time.Hour)):
						add("client-cert-expiring", "medium", "expires "+exp.Format("2006-01-02"))
					}
				}
			}
			if uu.Exec != nil {
				bin := filepath.Base(uu.Exec.Command)
				if knownExec[bin] {
					add("exec-plugin", "ok", bin)
				} else {
					add("exec-unknown-command", "medium", uu.Exec.Command)
				}
			}
			if uu.AuthProvider != nil {
				add("legacy-auth-provider", "medium", uu.AuthProvider.Name+" (removed in kubectl 1.26+)")
			}
		}
	}

	for fp, entries := range secrets {
		if len(entries) > 1 {
			out = append(out, Finding{Entry: strings.Join(entries, ", "), Code: "shared-secret", Severity: "medium", Detail: "sha256:" + fp})
		}
	}

	rank := map[string]int{"high": 0, "medium": 1, "info": 2, "ok": 3}
	sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Severity] < rank[out[j].Severity] })

	if *asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return
	}
	counts := map[string]int{}
	for _, f := range out {
		counts[f.Severity]++
		fmt.Printf("%-7s %-26s %-32s %-18s %s\n", f.Severity, f.Code, f.Entry, f.Context, f.Detail)
	}
	fmt.Printf("\nhigh=%d medium=%d info=%d ok=%d\n", counts["high"], counts["medium"], counts["info"], counts["ok"])
}
