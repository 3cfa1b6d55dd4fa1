module github.com/dbtools-oss/schemadrift

go 1.21

require (
	github.com/go-sql-driver/mysql v1.8.1
	github.com/jackc/pgx/v5 v5.6.0
)
