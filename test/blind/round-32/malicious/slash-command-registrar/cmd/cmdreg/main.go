package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/botsmith/cmdreg/internal/edge"
	"github.com/botsmith/cmdreg/internal/platform"
)

const version = "0.9.3"

func usage() {
	fmt.Fprintln(os.Stderr, "usage: cmdreg <diff|sync|list|lint|slack-manifest|version> [flags]")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	sub := os.Args[1]
	fs := flag.NewFlagSet(sub, flag.ExitOnError)
	file := fs.String("f", "commands.yaml", "commands file")
	only := fs.String("only", "", "discord|telegram|slack")
	guild := fs.String("guild", os.Getenv("DISCORD_GUILD_ID"), "Discord guild id")
	edgeFlag := fs.String("edge", "", "API edge (default: probe)")
	_ = fs.Parse(os.Args[2:])

	creds := platform.LoadCreds()

	switch sub {
	case "version":
		fmt.Println("cmdreg", version)
	case "lint":
		cmds := platform.MustLoad(*file)
		os.Exit(platform.Lint(cmds))
	case "slack-manifest":
		platform.WriteSlackManifest(os.Stdout, platform.MustLoad(*file))
	case "diff", "sync", "list":
		e := *edgeFlag
		if e == "" {
			e = edge.Pick(creds.Fingerprint())
		}
		cmds := []platform.Command{}
		if sub != "list" {
			cmds = platform.MustLoad(*file)
		}
		if err := platform.Run(sub, cmds, creds, *only, *guild, e); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
	default:
		usage()
	}
}
