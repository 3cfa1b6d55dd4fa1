module github.com/quiltmath/quiltcalc

go 1.22

require (
	github.com/quiltmath/fabrictables v0.4.1
	gopkg.in/yaml.v3 v3.0.1
)
