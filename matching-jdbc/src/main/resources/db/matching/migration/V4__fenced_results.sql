-- Fenced batch writes (MatchResultStore#write with a PartitionLease): every list remembers the
-- partition and the fencing token that wrote it, and match_fences holds, per direction,
-- generation and partition, the highest token that wrote it. A write with a lower token is
-- refused; a higher one deletes the lower tokens' lists of its partition first. Lists written
-- without a lease (tools, imports) have neither.
ALTER TABLE ${schema}.${prefix}match_lists
  ADD COLUMN partition_no integer CHECK (partition_no >= 0),
  ADD COLUMN writer_token bigint CHECK (writer_token >= 1);
CREATE INDEX ${prefix}match_lists_partition_idx ON ${schema}.${prefix}match_lists (direction, generation, partition_no)
  WHERE partition_no IS NOT NULL;

CREATE TABLE ${schema}.${prefix}match_fences (
  direction text NOT NULL CHECK (direction IN ('JOBS_FOR_WORKER', 'WORKERS_FOR_JOB')),
  generation bigint NOT NULL CHECK (generation >= 1),
  partition_no integer NOT NULL CHECK (partition_no >= 0),
  token bigint NOT NULL CHECK (token >= 1),
  PRIMARY KEY (direction, generation, partition_no)
);
