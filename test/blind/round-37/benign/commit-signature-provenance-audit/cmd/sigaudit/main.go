// sigaudit classifies commits in a range by signature status and signer/author consistency.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

type signer struct {
	principals []string // emails
	key        string   // "ssh-ed25519 AAAA..." or GPG fingerprint
}

func loadAllowedSSH(path string) []signer {
	var out []signer
	if path == "" {
		return out
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "allowed signers:", err)
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 3 {
			continue
		}
		keyIdx := 1
		if strings.Contains(fields[1], "=") { // options column present
			keyIdx = 2
		}
		out = append(out, signer{principals: strings.Split(fields[0], ","), key: fields[keyIdx] + " " + fields[keyIdx+1]})
	}
	return out
}

func loadGPG(path string) map[string]string {
	m := map[string]string{}
	if path == "" {
		return m
	}
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gpg fingerprints:", err)
		os.Exit(1)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l) // FINGERPRINT email
		if len(f) >= 2 && !strings.HasPrefix(f[0], "#") {
			m[strings.ToUpper(f[0])] = strings.ToLower(f[1])
		}
	}
	return m
}

func main() {
	repo := flag.String("repo", ".", "repository path")
	rng := flag.String("range", "HEAD", "revision range")
	since := flag.String("since", "", "git --since value")
	allowed := flag.String("allowed", "", "SSH allowed_signers file")
	gpgFprs := flag.String("gpg-fprs", "", "file of 'FINGERPRINT email' lines")
	failOn := flag.String("fail-on", "", "comma-separated codes that cause exit 1")
	flag.Parse()

	ssh := loadAllowedSSH(*allowed)
	gpg := loadGPG(*gpgFprs)

	args := []string{"-C", *repo, "log", "--format=%H%x1f%G?%x1f%GF%x1f%GS%x1f%GK%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%cI%x1f%s%x1e"}
	if *since != "" {
		args = append(args, "--since="+*since)
	}
	args = append(args, *rng)
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "git log:", err)
		os.Exit(1)
	}

	fail := map[string]bool{}
	for _, c := range strings.Split(*failOn, ",") {
		if c != "" {
			fail[c] = true
		}
	}
	counts := map[string]int{}
	failed := false
	fmt.Println("code\tsha\tdate\tauthor\tsigner\tsubject")
	for _, rec := range bytes.Split(out, []byte{0x1e}) {
		f := strings.Split(strings.TrimSpace(string(rec)), "\x1f")
		if len(f) < 11 {
			continue
		}
		sha, status, fpr, sigName, _, _, aEmail, cName, cEmail, date, subj := f[0], f[1], strings.ToUpper(f[2]), f[3], f[4], f[5], strings.ToLower(f[6]), f[7], f[8], f[9], f[10]
		code := "OK"
		signerID := sigName
		switch status {
		case "N":
			code = "UNSIGNED"
		case "B":
			code = "BAD_SIG"
		case "X", "Y", "R":
			code = "EXPIRED/REVOKED"
		case "E":
			code = "UNKNOWN_KEY"
		case "U", "G":
			code = classify(fpr, sigName, aEmail, ssh, gpg, &signerID)
			if status == "U" && code == "OK" {
				code = "UNKNOWN_KEY"
			}
		}
		if code != "OK" && cEmail == "noreply@github.com" && cName == "GitHub" {
			code = "MERGE_BOT"
		}
		counts[code]++
		if fail[code] {
			failed = true
		}
		fmt.Printf("%s\t%s\t%s\t%s\t%s\t%s\n", code, sha[:12], date, aEmail, signerID, subj)
	}
	fmt.Fprintln(os.Stderr, "summary:", counts)
	if failed {
		os.Exit(1)
	}
}

func classify(fpr, sigName, authorEmail string, ssh []signer, gpg map[string]string, signerID *string) string {
	if email, ok := gpg[fpr]; ok {
		*signerID = email
		if email != authorEmail {
			return "IDENTITY_MISMATCH"
		}
		return "OK"
	}
	// For SSH signatures git reports the principal in %GS when allowedSignersFile matched.
	for _, s := range ssh {
		for _, p := range s.principals {
			if strings.EqualFold(p, sigName) {
				*signerID = p
				if !strings.EqualFold(p, authorEmail) {
					return "IDENTITY_MISMATCH"
				}
				return "OK"
			}
		}
	}
	return "UNKNOWN_KEY"
}
