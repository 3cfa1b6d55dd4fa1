module example.com/mcppin

go 1.22
