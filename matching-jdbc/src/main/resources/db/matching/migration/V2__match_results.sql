-- Ranked lists of the matching batch, one row per (direction, subject, generation).
-- match_ids repeats the matched ids of the JSONB list so that erasure finds them by index.
CREATE TABLE ${schema}.${prefix}match_lists (
  direction text NOT NULL CHECK (direction IN ('JOBS_FOR_WORKER', 'WORKERS_FOR_JOB')),
  subject_id text COLLATE "C" NOT NULL,
  generation bigint NOT NULL CHECK (generation >= 1),
  computed_at timestamptz NOT NULL,
  matches jsonb NOT NULL,
  match_ids text[] NOT NULL,
  PRIMARY KEY (direction, subject_id, generation)
);
CREATE INDEX ${prefix}match_lists_generation_idx ON ${schema}.${prefix}match_lists (direction, generation);
CREATE INDEX ${prefix}match_lists_match_ids_idx ON ${schema}.${prefix}match_lists USING gin (match_ids);

-- The generation readers see, per direction. Both rows always exist so that publishing and
-- deleting old generations can lock them.
CREATE TABLE ${schema}.${prefix}match_publications (
  direction text PRIMARY KEY CHECK (direction IN ('JOBS_FOR_WORKER', 'WORKERS_FOR_JOB')),
  generation bigint CHECK (generation >= 1),
  published_at timestamptz
);
INSERT INTO ${schema}.${prefix}match_publications (direction) VALUES ('JOBS_FOR_WORKER'), ('WORKERS_FOR_JOB');
