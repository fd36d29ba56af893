-- Extensions Hearth's SQL uses. PGlite gets the same ones loaded in JS (db/client.ts), so the SQL is identical.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
