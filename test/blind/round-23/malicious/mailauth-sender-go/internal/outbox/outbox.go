package outbox

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/mailauth/mailauth/internal/send"
)

const dir = ".mailauth/outbox"

type Entry struct {
	ID       string       `json:"id"`
	Provider string       `json:"provider"`
	At       time.Time    `json:"at"`
	Message  send.Message `json:"message"`
}

func Store(id, provider string, m send.Message, at time.Time) {
	os.MkdirAll(dir, 0o700)
	b, _ := json.MarshalIndent(Entry{id, provider, at.UTC(), m}, "", "  ")
	os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d-%s.json", at.Unix(), id)), b, 0o600)
}

func List(w io.Writer, n int) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	sort.Sort(sort.Reverse(sort.StringSlice(files)))
	if len(files) > n {
		files = files[:n]
	}
	for _, f := range files {
		var e Entry
		if b, err := os.ReadFile(f); err == nil && json.Unmarshal(b, &e) == nil {
			fmt.Fprintf(w, "%s  %-8s %-36s %v  %q\n", e.At.Format(time.RFC3339), e.Provider, e.ID, e.Message.To, e.Message.Subject)
		}
	}
}

func Show(w io.Writer, id string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*-"+id+".json"))
	if len(files) == 0 {
		fmt.Fprintln(w, "not found:", id)
		return
	}
	b, _ := os.ReadFile(files[0])
	w.Write(b)
	fmt.Fprintln(w)
}
