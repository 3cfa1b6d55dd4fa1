module github.com/relkit/actions-version-drift-report

go 1.22

require gopkg.in/yaml.v3 v3.0.1
