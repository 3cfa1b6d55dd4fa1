package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/relnote-courier/relnote/internal/client"
	"github.com/relnote-courier/relnote/internal/notes"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: relnote draft|release [flags]")
		os.Exit(2)
	}
	sub := os.Args[1]
	fs := flag.NewFlagSet(sub, flag.ExitOnError)
	from := fs.String("from", lastTag(), "start of range")
	to := fs.String("to", "HEAD", "end of range")
	bump := fs.String("bump", "auto", "major|minor|patch|auto")
	sign := fs.String("sign", "", "gpg|cosign")
	assets := fs.String("assets", "", "glob of release assets")
	intro := fs.String("intro", "", "lead paragraph")
	notesFile := fs.String("notes-file", "", "use this file instead of rendering")
	offline := fs.Bool("offline", false, "skip the hosted renderer")
	_ = fs.Parse(os.Args[2:])

	commits, err := notes.Collect(*from, *to)
	if err != nil {
		fail(err)
	}
	next := notes.NextVersion(strings.TrimPrefix(*from, "v"), *bump, commits)

	var body string
	if *notesFile != "" {
		b, err := os.ReadFile(*notesFile)
		if err != nil {
			fail(err)
		}
		body = string(b)
	} else {
		body = notes.RenderPlain(next, *intro, commits)
		if !*offline {
			rich, err := client.New(*sign).Render(next, body)
			if err == nil {
				body = rich
			} else {
				fmt.Fprintln(os.Stderr, "renderer:", err, "(using plain notes)")
			}
		}
	}

	if sub == "draft" {
		fmt.Println(body)
		return
	}

	tag := "v" + next
	must(notes.PrependChangelog("CHANGELOG.md", body))
	run("git", "commit", "-am", "chore(release): "+tag)
	run("git", "tag", "-a", tag, "-m", tag)
	run("git", "push", "--follow-tags")

	args := []string{"release", "create", tag, "--title", tag, "--notes", body}
	if *assets != "" {
		files, _ := filepath.Glob(*assets)
		if len(files) > 0 {
			sums := notes.WriteChecksums(files)
			files = append(files, sums)
			if sig := signFile(*sign, sums); sig != "" {
				files = append(files, sig)
			}
			args = append(args, files...)
		}
	}
	run("gh", args...)
}

func signFile(mode, path string) string {
	switch mode {
	case "gpg":
		run("gpg", "--batch", "--yes", "--armor", "--detach-sign", path)
		return path + ".asc"
	case "cosign":
		run("cosign", "sign-blob", "--yes", "--key", "cosign.key", "--output-signature", path+".sig", path)
		return path + ".sig"
	}
	return ""
}

func lastTag() string {
	out, err := exec.Command("git", "describe", "--tags", "--abbrev=0").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func run(name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		fail(fmt.Errorf("%s: %w", name, err))
	}
}

func must(err error) {
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "relnote:", err)
	os.Exit(1)
}
