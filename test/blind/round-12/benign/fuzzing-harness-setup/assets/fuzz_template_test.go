package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics and that anything it accepts can be
// serialised and parsed again to an equal value.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "seeds", "*"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("{}"))
	f.Add([]byte(`{"a":[1,2,3],"b":null}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		if err != nil {
			return
		}
		out, err := v.Marshal()
		if err != nil {
			t.Fatalf("Marshal failed after successful Parse: %v", err)
		}
		v2, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse of own output failed: %v\noutput: %q", err, out)
		}
		out2, _ := v2.Marshal()
		if !bytes.Equal(out, out2) {
			t.Fatalf("unstable roundtrip:\n first: %q\nsecond: %q", out, out2)
		}
	})
}
