import jwt from "jsonwebtoken";
import { Pool } from "pg";

// ruleid: js-jwt-literal-secret
const t = jwt.sign({ sub: "1" }, "fixture-signing-key");

// ok: js-jwt-literal-secret
const t2 = jwt.sign({ sub: "1" }, process.env.JWT_KEY as string);

// ruleid: js-db-literal-password
const pool = new Pool({ host: "db.example.com", user: "app", password: "hunter2-fixture" });

// ok: js-db-literal-password
const pool2 = new Pool({ host: "db.example.com", user: "app", password: process.env.PGPASSWORD });
