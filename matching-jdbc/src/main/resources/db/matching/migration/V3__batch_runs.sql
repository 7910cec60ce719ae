-- Batch runs and their partitions. At most one active (queued or running) run per type.
CREATE TABLE ${schema}.${prefix}batch_runs (
  id text COLLATE "C" PRIMARY KEY,
  created_seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  type text COLLATE "C" NOT NULL,
  parameters jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  partitions integer NOT NULL CHECK (partitions >= 1),
  triggered_by text NOT NULL,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  error text
);
CREATE UNIQUE INDEX ${prefix}batch_runs_one_active_idx ON ${schema}.${prefix}batch_runs (type)
  WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX ${prefix}batch_runs_type_created_idx ON ${schema}.${prefix}batch_runs (type, created_at DESC, created_seq DESC);
CREATE INDEX ${prefix}batch_runs_finished_idx ON ${schema}.${prefix}batch_runs (finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE ${schema}.${prefix}batch_partitions (
  run_id text COLLATE "C" NOT NULL REFERENCES ${schema}.${prefix}batch_runs (id) ON DELETE CASCADE,
  partition integer NOT NULL CHECK (partition >= 0),
  spec text NOT NULL,
  state text NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
  owner text,
  token bigint NOT NULL DEFAULT 0 CHECK (token >= 0),
  lease_expires_at timestamptz,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  items bigint NOT NULL DEFAULT 0 CHECK (items >= 0),
  error text,
  PRIMARY KEY (run_id, partition)
);
