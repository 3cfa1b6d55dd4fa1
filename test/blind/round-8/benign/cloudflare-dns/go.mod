module example.com/skills/cloudflare-dns

go 1.21
