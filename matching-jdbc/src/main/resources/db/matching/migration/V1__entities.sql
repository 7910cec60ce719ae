-- Jobs and workers: the entity as JSONB plus the columns queries filter on.
-- ${schema} and ${prefix} are Flyway placeholders filled from JdbcMatchingStorage's configuration.
-- Ids use the "C" collation so their order is the code point order, whatever the database locale.

CREATE TABLE ${schema}.${prefix}jobs (
  id text COLLATE "C" PRIMARY KEY,
  version bigint NOT NULL CHECK (version >= 1),
  updated_at timestamptz NOT NULL,
  employer_id text COLLATE "C" NOT NULL,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  pay_min_yen integer NOT NULL CHECK (pay_min_yen >= 0),
  pay_max_yen integer NOT NULL CHECK (pay_max_yen >= pay_min_yen),
  headcount integer NOT NULL CHECK (headcount >= 1),
  open boolean NOT NULL,
  body jsonb NOT NULL,
  CONSTRAINT ${prefix}jobs_location_complete CHECK ((lat IS NULL) = (lng IS NULL))
);
CREATE INDEX ${prefix}jobs_employer_idx ON ${schema}.${prefix}jobs (employer_id);
CREATE INDEX ${prefix}jobs_open_location_idx ON ${schema}.${prefix}jobs (lat, lng) WHERE open;
CREATE INDEX ${prefix}jobs_open_pay_idx ON ${schema}.${prefix}jobs (pay_min_yen) WHERE open;

CREATE TABLE ${schema}.${prefix}workers (
  id text COLLATE "C" PRIMARY KEY,
  version bigint NOT NULL CHECK (version >= 1),
  updated_at timestamptz NOT NULL,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  max_travel_km double precision NOT NULL CHECK (max_travel_km > 0),
  desired_min_yen integer CHECK (desired_min_yen >= 0),
  active boolean NOT NULL,
  body jsonb NOT NULL,
  CONSTRAINT ${prefix}workers_location_complete CHECK ((lat IS NULL) = (lng IS NULL))
);
CREATE INDEX ${prefix}workers_active_location_idx ON ${schema}.${prefix}workers (lat, lng) WHERE active;

-- Change logs. Appends are serialized by a transaction-level advisory lock taken just before the
-- append (see JdbcEntityStore), so sequence order is commit order and a reader that resumes
-- after the last sequence it saw never skips a change committed later with a smaller number.
CREATE TABLE ${schema}.${prefix}job_changes (
  sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id text COLLATE "C" NOT NULL,
  change_type char(1) NOT NULL CHECK (change_type IN ('U', 'D')),
  changed_at timestamptz NOT NULL
);
CREATE TABLE ${schema}.${prefix}worker_changes (
  sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_id text COLLATE "C" NOT NULL,
  change_type char(1) NOT NULL CHECK (change_type IN ('U', 'D')),
  changed_at timestamptz NOT NULL
);
