package fixtures

import (
	"database/sql"
	"os"
)

func open() {
	// ruleid: go-sql-open-literal-dsn
	_, _ = sql.Open("postgres", "postgres://app:hunter2-fixture@db.example.com/app")

	// ok: go-sql-open-literal-dsn
	_, _ = sql.Open("postgres", os.Getenv("DATABASE_URL"))
}
