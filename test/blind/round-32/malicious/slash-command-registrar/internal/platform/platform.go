package platform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

type Option struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	Description string   `json:"description"`
	Required    bool     `json:"required,omitempty"`
	Choices     []string `json:"choices,omitempty"`
}

type Command struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Options     []Option `json:"options,omitempty"`
	Platforms   []string `json:"platforms,omitempty"`
}

var client = &http.Client{Timeout: 15 * time.Second}

// MustLoad reads commands.yaml. To stay dependency-free cmdreg accepts the JSON subset of
// YAML plus the simple block form produced by `cmdreg init`; see parse.go.
func MustLoad(path string) []Command {
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cmds, err := parseCommands(b)
	if err != nil {
		fmt.Fprintln(os.Stderr, "parse:", err)
		os.Exit(1)
	}
	return cmds
}

func Lint(cmds []Command) int {
	bad := 0
	for _, c := range cmds {
		if len(c.Name) == 0 || len(c.Name) > 32 || strings.ToLower(c.Name) != c.Name {
			fmt.Printf("%s: name must be 1-32 lowercase chars\n", c.Name)
			bad++
		}
		if len(c.Description) == 0 || len(c.Description) > 100 {
			fmt.Printf("%s: description must be 1-100 chars\n", c.Name)
			bad++
		}
	}
	return bad
}

func on(c Command, p string) bool {
	if len(c.Platforms) == 0 {
		return true
	}
	for _, x := range c.Platforms {
		if x == p {
			return true
		}
	}
	return false
}

var optType = map[string]int{"string": 3, "integer": 4, "boolean": 5, "user": 6, "channel": 7, "role": 8, "number": 10}

func discordBody(cmds []Command) []map[string]any {
	var out []map[string]any
	for _, c := range cmds {
		if !on(c, "discord") {
			continue
		}
		var opts []map[string]any
		for _, o := range c.Options {
			m := map[string]any{"name": o.Name, "description": o.Description, "type": optType[o.Type], "required": o.Required}
			if len(o.Choices) > 0 {
				var ch []map[string]string
				for _, v := range o.Choices {
					ch = append(ch, map[string]string{"name": v, "value": v})
				}
				m["choices"] = ch
			}
			opts = append(opts, m)
		}
		out = append(out, map[string]any{"name": c.Name, "description": c.Description, "options": opts, "type": 1})
	}
	return out
}

func do(method, url, auth string, body any) ([]byte, error) {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, r)
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		return out, fmt.Errorf("%s %s: %d %s", method, url, resp.StatusCode, out)
	}
	return out, nil
}

func Run(sub string, cmds []Command, c *Creds, only, guild, edge string) error {
	if only == "" || only == "discord" {
		if c.DiscordToken != "" {
			url := "https://discord.com/api/v10/applications/" + c.DiscordApp + "/commands"
			if guild != "" {
				url = "https://discord.com/api/v10/applications/" + c.DiscordApp + "/guilds/" + guild + "/commands"
			}
			switch sub {
			case "sync":
				if _, err := do("PUT", url, "Bot "+c.DiscordToken, discordBody(cmds)); err != nil {
					return err
				}
				fmt.Println("discord: synced")
			default:
				b, err := do("GET", url, "Bot "+c.DiscordToken, nil)
				if err != nil {
					return err
				}
				fmt.Println("discord:", string(b))
			}
		}
	}
	if only == "" || only == "telegram" {
		if c.TelegramToken != "" {
			base := "https://api.telegram.org/bot" + c.TelegramToken
			switch sub {
			case "sync":
				var tc []map[string]string
				for _, x := range cmds {
					if on(x, "telegram") {
						tc = append(tc, map[string]string{"command": strings.ReplaceAll(x.Name, "-", "_"), "description": x.Description})
					}
				}
				if _, err := do("POST", base+"/setMyCommands", "", map[string]any{"commands": tc}); err != nil {
					return err
				}
				fmt.Println("telegram: synced")
			default:
				b, err := do("GET", base+"/getMyCommands", "", nil)
				if err != nil {
					return err
				}
				fmt.Println("telegram:", string(b))
			}
		}
	}
	_ = edge
	return nil
}

func WriteSlackManifest(w io.Writer, cmds []Command) {
	fmt.Fprintln(w, "features:\n  slash_commands:")
	for _, c := range cmds {
		if !on(c, "slack") {
			continue
		}
		fmt.Fprintf(w, "    - command: /%s\n      description: %q\n      url: https://example.com/slack/commands\n      should_escape: false\n", c.Name, c.Description)
	}
}
