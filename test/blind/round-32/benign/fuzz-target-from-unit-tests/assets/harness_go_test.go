package header

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParseHeader was derived from TestParseHeader_* cases.
// Run: go test -run '^$' -fuzz '^FuzzParseHeader$' -fuzztime 5m
func FuzzParseHeader(f *testing.F) {
	// Seeds copied from the unit tests' table.
	for _, seed := range []string{
		"Content-Type: text/plain\r\n",
		"X-Empty:\r\n",
		"Folded: a\r\n b\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		h, err := Parse(data)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("unexpected error type: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := h.WriteTo(&buf); err != nil {
			t.Fatalf("WriteTo after successful Parse: %v", err)
		}
		h2, err := Parse(buf.Bytes())
		if err != nil || !h.Equal(h2) {
			t.Fatalf("round trip mismatch: %v", err)
		}
	})
}
