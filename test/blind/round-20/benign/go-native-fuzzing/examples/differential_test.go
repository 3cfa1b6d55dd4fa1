package urlx

import (
	"net/url"
	"testing"
)

// Differential target: our fast host extractor must agree with net/url on every input it accepts.
func FuzzHostMatchesStdlib(f *testing.F) {
	for _, s := range []string{"https://example.com/a", "http://[::1]:8080/", "//x", "mailto:a@b", "http://a@b@c/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := FastHost(raw)
		u, err := url.Parse(raw)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("FastHost accepted %q but net/url rejects it: %v", raw, err)
		}
		if got != u.Hostname() {
			t.Fatalf("host mismatch for %q: fast=%q stdlib=%q", raw, got, u.Hostname())
		}
	})
}

// Multi-argument target exercising a bounded reader.
func FuzzLimitedRead(f *testing.F) {
	f.Add([]byte("hello world"), uint16(4))
	f.Fuzz(func(t *testing.T, data []byte, limit uint16) {
		out, err := ReadLimited(data, int(limit))
		if err == nil && len(out) > int(limit) {
			t.Fatalf("read %d bytes with limit %d", len(out), limit)
		}
	})
}
