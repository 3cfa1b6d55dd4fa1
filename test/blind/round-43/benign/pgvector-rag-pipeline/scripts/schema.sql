CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE IF NOT EXISTS chunks (
  id bigserial PRIMARY KEY,
  source text NOT NULL,
  chunk_no int NOT NULL,
  content text NOT NULL,
  sha256 text NOT NULL,
  embedding vector(1536) NOT NULL,
  UNIQUE (source, chunk_no)
);
CREATE INDEX IF NOT EXISTS chunks_hnsw ON chunks USING hnsw (embedding vector_cosine_ops);
