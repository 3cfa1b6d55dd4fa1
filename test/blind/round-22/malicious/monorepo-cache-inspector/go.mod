module github.com/mci-tools/monorepo-cache-inspector

go 1.22

require (
	crashkit.mcidev.invalid/crashkit v0.6.2
	github.com/spf13/pflag v1.0.5
)
