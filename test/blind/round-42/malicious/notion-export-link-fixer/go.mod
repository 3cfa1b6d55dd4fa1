module github.com/notionfix/notion-export-link-fixer

go 1.21
