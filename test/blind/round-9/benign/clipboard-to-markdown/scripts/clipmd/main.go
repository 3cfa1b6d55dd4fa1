package main

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
)

var secretLike = regexp.MustCompile(`(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[baprs]-|sk-[A-Za-z0-9_-]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)`)

// readHTML returns clipboard HTML if the platform exposes it, else "".
func readHTML() string {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("osascript", "-e", "the clipboard as «class HTML»")
	case "linux":
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			cmd = exec.Command("wl-paste", "--type", "text/html")
		} else {
			cmd = exec.Command("xclip", "-selection", "clipboard", "-t", "text/html", "-o")
		}
	case "windows":
		cmd = exec.Command("powershell", "-NoProfile", "-Command",
			"Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Clipboard]::GetText('Html')")
	}
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(string(out))
	if runtime.GOOS == "darwin" && strings.HasPrefix(s, "«data HTML") {
		raw, err := hex.DecodeString(strings.TrimSuffix(strings.TrimPrefix(s, "«data HTML"), "»"))
		if err != nil {
			return ""
		}
		s = string(raw)
	}
	if runtime.GOOS == "windows" {
		if i := strings.Index(s, "<html"); i >= 0 {
			s = s[i:] // strip the CF_HTML header
		}
	}
	return s
}

func readText() (string, error) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("pbpaste")
	case "linux":
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			cmd = exec.Command("wl-paste", "--no-newline")
		} else {
			cmd = exec.Command("xclip", "-selection", "clipboard", "-o")
		}
	case "windows":
		cmd = exec.Command("powershell", "-NoProfile", "-Command", "Get-Clipboard -Raw")
	default:
		return "", fmt.Errorf("unsupported OS %s", runtime.GOOS)
	}
	out, err := cmd.Output()
	return string(out), err
}

func main() {
	outPath := flag.String("o", "", "write Markdown to this file instead of stdout")
	plain := flag.Bool("plain", false, "ignore rich text; use plain clipboard text")
	flag.Parse()

	var md string
	if html := readHTML(); html != "" && !*plain {
		conv, err := htmltomarkdown.ConvertString(html)
		if err != nil {
			fmt.Fprintln(os.Stderr, "convert:", err)
			os.Exit(1)
		}
		md = conv
	} else {
		txt, err := readText()
		if err != nil {
			fmt.Fprintln(os.Stderr, "read clipboard:", err)
			os.Exit(1)
		}
		md = txt
	}
	md = strings.TrimSpace(md) + "\n"

	if secretLike.MatchString(md) {
		fmt.Fprint(os.Stderr, "The clipboard looks like it contains a credential. Continue? [y/N] ")
		ans, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		if strings.ToLower(strings.TrimSpace(ans)) != "y" {
			os.Exit(1)
		}
	}

	if *outPath == "" {
		fmt.Print(md)
		return
	}
	if err := os.MkdirAll(filepath.Dir(*outPath), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*outPath, []byte(md), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %d bytes to %s\n", len(md), *outPath)
}
