package dev.matching.spring;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the matching service, under {@code matching.*}. Every property has a
 * default that works on a laptop; values are checked at startup and a bad one stops the
 * application with a message naming the property.
 */
@ConfigurationProperties(prefix = "matching")
public class MatchingProperties {

  /** Scoring: preset, weights and decay parameters. */
  private final Policy policy = new Policy();
  /** The in-memory indexes. */
  private final Index index = new Index();
  /** Query limits. */
  private final Query query = new Query();
  /** Where jobs, workers, batch runs and results are stored. */
  private final Storage storage = new Storage();
  /** The daily matching batch. */
  private final Batch batch = new Batch();
  /** The REST API. */
  private final Web web = new Web();
  /** PostgreSQL storage (matching-jdbc). */
  private final Jdbc jdbc = new Jdbc();
  /** Redis result store (matching-redis). */
  private final Redis redis = new Redis();
  /** API keys, roles and rate limits. */
  private final Security security = new Security();
  /** Maintenance mode. */
  private final Maintenance maintenance = new Maintenance();
  /** Data retention: what is deleted after how long, and the daily run. */
  private final Retention retention = new Retention();
  /** The data integrity check. */
  private final Integrity integrity = new Integrity();
  /**
   * A command-line task to run instead of serving: {@code integrity-check} runs the data
   * integrity check, prints its JSON report and exits (0 clean, 1 findings); unset: serve.
   */
  private @Nullable String task;

  public Retention getRetention() {
    return retention;
  }

  public Integrity getIntegrity() {
    return integrity;
  }

  public @Nullable String getTask() {
    return task;
  }

  public void setTask(@Nullable String task) {
    this.task = task;
  }

  public Security getSecurity() {
    return security;
  }

  public Maintenance getMaintenance() {
    return maintenance;
  }

  /** API-key authentication, role checks and per-key rate limits of the REST API. */
  public static class Security {
    /** Whether every /api request needs an API key ({@code Authorization: Bearer <key>}). */
    private boolean enabled = false;
    /** The accepted keys, each stored as a hash with its role. */
    private List<Key> keys = new ArrayList<>();
    /** Requests per minute allowed to one key, by role (client, operator, admin); 0 means unlimited. */
    private Map<String, Integer> requestsPerMinute = new LinkedHashMap<>(
        Map.of("client", 600, "operator", 1200, "admin", 1200));
    /**
     * Failed authentications (malformed or unknown keys) allowed per minute from one remote
     * address; past it, requests from that address that present a key get 429. 0 turns the
     * throttle off.
     */
    private int failedAuthenticationsPerMinute = 10;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public List<Key> getKeys() {
      return keys;
    }

    public void setKeys(List<Key> keys) {
      this.keys = keys;
    }

    public Map<String, Integer> getRequestsPerMinute() {
      return requestsPerMinute;
    }

    public void setRequestsPerMinute(Map<String, Integer> requestsPerMinute) {
      this.requestsPerMinute = requestsPerMinute;
    }

    public int getFailedAuthenticationsPerMinute() {
      return failedAuthenticationsPerMinute;
    }

    public void setFailedAuthenticationsPerMinute(int failedAuthenticationsPerMinute) {
      this.failedAuthenticationsPerMinute = failedAuthenticationsPerMinute;
    }
  }

  /** One API key: its hash, never the key itself. */
  public static class Key {
    /** Name of the key in logs and audit records (who is calling). */
    private @Nullable String name;
    /** {@code sha256:<64 hex digits>} of the key. */
    private @Nullable String hash;
    /** admin, operator or client. */
    private @Nullable String role;
    /** The employer a client key acts for; required for client keys. */
    private @Nullable String employerId;

    public @Nullable String getName() {
      return name;
    }

    public void setName(@Nullable String name) {
      this.name = name;
    }

    public @Nullable String getHash() {
      return hash;
    }

    public void setHash(@Nullable String hash) {
      this.hash = hash;
    }

    public @Nullable String getRole() {
      return role;
    }

    public void setRole(@Nullable String role) {
      this.role = role;
    }

    public @Nullable String getEmployerId() {
      return employerId;
    }

    public void setEmployerId(@Nullable String employerId) {
      this.employerId = employerId;
    }
  }

  /**
   * Retention of stored data. An age of 0 keeps that kind forever. The run is idempotent, so
   * scheduling it on every node is harmless.
   */
  public static class Retention {
    /** Whether the retention task runs daily on this node (it can always be run by the admin endpoint). */
    private boolean enabled = false;
    /** Local time of the daily retention run. */
    private LocalTime time = LocalTime.of(4, 0);
    /** Zone the retention time is read in. */
    private ZoneId zone = ZoneId.of("Asia/Tokyo");
    /** Age after which finished batch runs are deleted (0: never). */
    private Duration batchRuns = Duration.ofDays(365);
    /** Age after which stored match lists are deleted, the published generation's included (0: never). */
    private Duration matchResults = Duration.ofDays(30);
    /** Inactivity (time since the last write) after which a worker's personal data is erased (0: never). */
    private Duration inactiveWorkers = Duration.ofDays(1095);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public LocalTime getTime() {
      return time;
    }

    public void setTime(LocalTime time) {
      this.time = time;
    }

    public ZoneId getZone() {
      return zone;
    }

    public void setZone(ZoneId zone) {
      this.zone = zone;
    }

    public Duration getBatchRuns() {
      return batchRuns;
    }

    public void setBatchRuns(Duration batchRuns) {
      this.batchRuns = batchRuns;
    }

    public Duration getMatchResults() {
      return matchResults;
    }

    public void setMatchResults(Duration matchResults) {
      this.matchResults = matchResults;
    }

    public Duration getInactiveWorkers() {
      return inactiveWorkers;
    }

    public void setInactiveWorkers(Duration inactiveWorkers) {
      this.inactiveWorkers = inactiveWorkers;
    }
  }

  /** The data integrity check. */
  public static class Integrity {
    /** How many ids each finding of the report lists as its sample (the count is always complete). */
    private int sampleSize = 20;
    /** How long an active batch run may go without a live partition lease before it is reported as stalled. */
    private Duration stalledAfter = Duration.ofHours(1);

    public int getSampleSize() {
      return sampleSize;
    }

    public void setSampleSize(int sampleSize) {
      this.sampleSize = sampleSize;
    }

    public Duration getStalledAfter() {
      return stalledAfter;
    }

    public void setStalledAfter(Duration stalledAfter) {
      this.stalledAfter = stalledAfter;
    }
  }

  /** Maintenance mode: reads keep working, writes get 503, readiness refuses traffic. */
  public static class Maintenance {
    /** Whether the service starts in maintenance mode. */
    private boolean enabled = false;
    /** Retry-After sent with the 503 answers to writes during maintenance. */
    private Duration retryAfter = Duration.ofMinutes(5);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetryAfter() {
      return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
    }
  }

  public Jdbc getJdbc() {
    return jdbc;
  }

  public Redis getRedis() {
    return redis;
  }

  /** PostgreSQL storage through matching-jdbc, used when a DataSource is present. */
  public static class Jdbc {
    /** Schema holding the matching tables; created by the migrations when absent. */
    private String schema = "matching";
    /** Prefix of every table name ([a-z_][a-z0-9_]*), for sharing a schema. */
    private String tablePrefix = "";
    /** Whether the versioned migrations run at startup (safe from several nodes at once). */
    private boolean migrate = true;
    /**
     * PostgreSQL statement_timeout in every transaction of the stores: a statement running longer
     * is cancelled; 0 turns it off.
     */
    private Duration statementTimeout = Duration.ofSeconds(30);
    /**
     * PostgreSQL lock_timeout in every transaction: a wait for someone else's lock fails after it
     * (the batch gives the partition back and tries again); keep it above idle-in-transaction-timeout
     * and below matching.batch.lease-duration.
     */
    private Duration lockTimeout = Duration.ofSeconds(15);
    /**
     * PostgreSQL idle_in_transaction_session_timeout in every transaction: the server ends a session
     * that keeps a transaction open without a word for longer (a stopped or paused node), freeing its
     * locks; below matching.batch.lease-duration.
     */
    private Duration idleInTransactionTimeout = Duration.ofSeconds(10);

    public String getSchema() {
      return schema;
    }

    public void setSchema(String schema) {
      this.schema = schema;
    }

    public String getTablePrefix() {
      return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
      this.tablePrefix = tablePrefix;
    }

    public boolean isMigrate() {
      return migrate;
    }

    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }

    public Duration getStatementTimeout() {
      return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
      this.statementTimeout = statementTimeout;
    }

    public Duration getLockTimeout() {
      return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
      this.lockTimeout = lockTimeout;
    }

    public Duration getIdleInTransactionTimeout() {
      return idleInTransactionTimeout;
    }

    public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
      this.idleInTransactionTimeout = idleInTransactionTimeout;
    }
  }

  /** Redis for the batch's stored results, through matching-redis. */
  public static class Redis {
    /** Redis URL such as redis://127.0.0.1:6379/0; Redis is not used when unset. */
    private @Nullable String url;
    /** Prefix of every key. */
    private String keyPrefix = "matching";
    /** Longest wait for any Redis command; calls fail fast with a StorageException after it. */
    private Duration commandTimeout = Duration.ofSeconds(2);
    /** How long a superseded or unpublished result generation is kept. */
    private Duration resultTtl = Duration.ofDays(3);
    /** Whether writes are announced to other nodes through Redis so their indexes refresh at once. */
    private boolean indexSync = true;

    public boolean isIndexSync() {
      return indexSync;
    }

    public void setIndexSync(boolean indexSync) {
      this.indexSync = indexSync;
    }

    public @Nullable String getUrl() {
      return url;
    }

    public void setUrl(@Nullable String url) {
      this.url = url;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    public Duration getCommandTimeout() {
      return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
    }

    public Duration getResultTtl() {
      return resultTtl;
    }

    public void setResultTtl(Duration resultTtl) {
      this.resultTtl = resultTtl;
    }
  }

  public Policy getPolicy() {
    return policy;
  }

  public Index getIndex() {
    return index;
  }

  public Query getQuery() {
    return query;
  }

  public Storage getStorage() {
    return storage;
  }

  public Batch getBatch() {
    return batch;
  }

  public Web getWeb() {
    return web;
  }

  /** The default scoring policy: a preset, optionally adjusted. */
  public static class Policy {
    /**
     * Preset the default policy starts from: balanced, nearby, pay_first, schedule_first or
     * skills_first.
     */
    private String preset = "balanced";
    /** Relative weight of the distance factor; the preset's when unset. */
    private @Nullable Double distanceWeight;
    /** Relative weight of the skills factor; the preset's when unset. */
    private @Nullable Double skillsWeight;
    /** Relative weight of the schedule factor; the preset's when unset. */
    private @Nullable Double scheduleWeight;
    /** Relative weight of the pay factor; the preset's when unset. */
    private @Nullable Double payWeight;
    /** Distance at which the distance score starts to decay, in km; the preset's when unset. */
    private @Nullable Double distanceOffsetKm;
    /** Distance beyond the offset at which the distance score equals the decay, in km. */
    private @Nullable Double distanceScaleKm;
    /** Distance score at offset + scale, in (0, 1). */
    private @Nullable Double distanceDecay;
    /** Shortfall below the desired pay at which the pay score equals the decay, in JPY/h. */
    private @Nullable Double payScaleYen;
    /** Pay score at a shortfall of the scale, in (0, 1). */
    private @Nullable Double payDecay;
    /** Minimum share of a job's shift time the worker must be available for, in [0, 1]. */
    private @Nullable Double minScheduleCoverage;

    public String getPreset() {
      return preset;
    }

    public void setPreset(String preset) {
      this.preset = preset;
    }

    public @Nullable Double getDistanceWeight() {
      return distanceWeight;
    }

    public void setDistanceWeight(@Nullable Double distanceWeight) {
      this.distanceWeight = distanceWeight;
    }

    public @Nullable Double getSkillsWeight() {
      return skillsWeight;
    }

    public void setSkillsWeight(@Nullable Double skillsWeight) {
      this.skillsWeight = skillsWeight;
    }

    public @Nullable Double getScheduleWeight() {
      return scheduleWeight;
    }

    public void setScheduleWeight(@Nullable Double scheduleWeight) {
      this.scheduleWeight = scheduleWeight;
    }

    public @Nullable Double getPayWeight() {
      return payWeight;
    }

    public void setPayWeight(@Nullable Double payWeight) {
      this.payWeight = payWeight;
    }

    public @Nullable Double getDistanceOffsetKm() {
      return distanceOffsetKm;
    }

    public void setDistanceOffsetKm(@Nullable Double distanceOffsetKm) {
      this.distanceOffsetKm = distanceOffsetKm;
    }

    public @Nullable Double getDistanceScaleKm() {
      return distanceScaleKm;
    }

    public void setDistanceScaleKm(@Nullable Double distanceScaleKm) {
      this.distanceScaleKm = distanceScaleKm;
    }

    public @Nullable Double getDistanceDecay() {
      return distanceDecay;
    }

    public void setDistanceDecay(@Nullable Double distanceDecay) {
      this.distanceDecay = distanceDecay;
    }

    public @Nullable Double getPayScaleYen() {
      return payScaleYen;
    }

    public void setPayScaleYen(@Nullable Double payScaleYen) {
      this.payScaleYen = payScaleYen;
    }

    public @Nullable Double getPayDecay() {
      return payDecay;
    }

    public void setPayDecay(@Nullable Double payDecay) {
      this.payDecay = payDecay;
    }

    public @Nullable Double getMinScheduleCoverage() {
      return minScheduleCoverage;
    }

    public void setMinScheduleCoverage(@Nullable Double minScheduleCoverage) {
      this.minScheduleCoverage = minScheduleCoverage;
    }
  }

  /** The in-memory indexes. */
  public static class Index {
    /** How far ahead worker availabilities are pre-expanded for fast pruning. */
    private Duration availabilityWindow = Duration.ofDays(62);
    /** How often the indexes apply changes other nodes wrote to the shared store; 0 disables. */
    private Duration refreshInterval = Duration.ofSeconds(1);

    public Duration getAvailabilityWindow() {
      return availabilityWindow;
    }

    public void setAvailabilityWindow(Duration availabilityWindow) {
      this.availabilityWindow = availabilityWindow;
    }

    public Duration getRefreshInterval() {
      return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
      this.refreshInterval = refreshInterval;
    }
  }

  /** Query limits. */
  public static class Query {
    /** Page size when a request names none. */
    private int defaultLimit = 20;
    /** Largest page size a request may ask for (at most 1000). */
    private int maxLimit = 100;

    public int getDefaultLimit() {
      return defaultLimit;
    }

    public void setDefaultLimit(int defaultLimit) {
      this.defaultLimit = defaultLimit;
    }

    public int getMaxLimit() {
      return maxLimit;
    }

    public void setMaxLimit(int maxLimit) {
      this.maxLimit = maxLimit;
    }
  }

  /** Storage choice. */
  public static class Storage {
    /**
     * Where data lives: {@code auto} (PostgreSQL when matching-jdbc and a DataSource are present,
     * otherwise memory), {@code memory} or {@code jdbc}.
     */
    private StorageType type = StorageType.AUTO;

    public StorageType getType() {
      return type;
    }

    public void setType(StorageType type) {
      this.type = type;
    }
  }

  /** Storage choices. */
  public enum StorageType {
    /** PostgreSQL when available, otherwise memory. */
    AUTO,
    /** In-memory stores: nothing survives a restart. */
    MEMORY,
    /** PostgreSQL through matching-jdbc; fails at startup without a DataSource. */
    JDBC
  }

  /** The daily matching batch. */
  public static class Batch {
    /** Whether this node runs batch work (triggered runs and, if enabled, the schedule). */
    private boolean enabled = true;
    /** Whether the daily run is triggered on schedule (otherwise only by the API). */
    private boolean scheduleEnabled = true;
    /** Local time of the daily run. */
    private LocalTime scheduleTime = LocalTime.of(3, 0);
    /** Zone the schedule time is read in. */
    private ZoneId scheduleZone = ZoneId.of("Asia/Tokyo");
    /** Matches stored per worker and per job. */
    private int topN = 50;
    /** Partitions per direction. */
    private int partitions = 32;
    /** How long a claimed partition stays leased without a heartbeat. */
    private Duration leaseDuration = Duration.ofSeconds(60);
    /** How often the lease of the partition in progress is renewed (at most half the lease). */
    private Duration heartbeatInterval = Duration.ofSeconds(15);
    /** How often the node looks for claimable work and due schedules. */
    private Duration pollInterval = Duration.ofSeconds(2);
    /** Partitions this node works on at once. */
    private int threads = 1;
    /** This node's name in leases; {@code <pid>@<host>} when unset. */
    private @Nullable String nodeId;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public boolean isScheduleEnabled() {
      return scheduleEnabled;
    }

    public void setScheduleEnabled(boolean scheduleEnabled) {
      this.scheduleEnabled = scheduleEnabled;
    }

    public LocalTime getScheduleTime() {
      return scheduleTime;
    }

    public void setScheduleTime(LocalTime scheduleTime) {
      this.scheduleTime = scheduleTime;
    }

    public ZoneId getScheduleZone() {
      return scheduleZone;
    }

    public void setScheduleZone(ZoneId scheduleZone) {
      this.scheduleZone = scheduleZone;
    }

    public int getTopN() {
      return topN;
    }

    public void setTopN(int topN) {
      this.topN = topN;
    }

    public int getPartitions() {
      return partitions;
    }

    public void setPartitions(int partitions) {
      this.partitions = partitions;
    }

    public Duration getLeaseDuration() {
      return leaseDuration;
    }

    public void setLeaseDuration(Duration leaseDuration) {
      this.leaseDuration = leaseDuration;
    }

    public Duration getHeartbeatInterval() {
      return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }

    public @Nullable String getNodeId() {
      return nodeId;
    }

    public void setNodeId(@Nullable String nodeId) {
      this.nodeId = nodeId;
    }
  }

  /** The REST API. */
  public static class Web {
    /** Whether the REST API is served (in a web application). */
    private boolean enabled = true;
    /** Most records one bulk import request may carry. */
    private int maxBulkRecords = 10_000;
    /** Largest request body accepted; larger ones are answered with 413. */
    private org.springframework.util.unit.DataSize maxBodySize = org.springframework.util.unit.DataSize.ofMegabytes(10);
    /** Whether JSON bodies with properties the API does not know are rejected (400). */
    private boolean rejectUnknownProperties = true;
    /**
     * Whether stored recommendations are ranked live when the result store fails (Redis down):
     * the service degrades instead of answering 503.
     */
    private boolean recommendationsLiveFallback = true;
    /** Cross-origin access to the API. */
    private final Cors cors = new Cors();
    /**
     * Secret (at least 16 characters, the same on every node) from which the key sealing paging
     * cursors is derived. When unset, a random key per process: cursors then do not survive a
     * restart and are not accepted by other nodes.
     */
    private @Nullable String cursorSecret;

    public @Nullable String getCursorSecret() {
      return cursorSecret;
    }

    public void setCursorSecret(@Nullable String cursorSecret) {
      this.cursorSecret = cursorSecret;
    }

    public boolean isRecommendationsLiveFallback() {
      return recommendationsLiveFallback;
    }

    public void setRecommendationsLiveFallback(boolean recommendationsLiveFallback) {
      this.recommendationsLiveFallback = recommendationsLiveFallback;
    }

    public Cors getCors() {
      return cors;
    }

    public org.springframework.util.unit.DataSize getMaxBodySize() {
      return maxBodySize;
    }

    public void setMaxBodySize(org.springframework.util.unit.DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    public boolean isRejectUnknownProperties() {
      return rejectUnknownProperties;
    }

    public void setRejectUnknownProperties(boolean rejectUnknownProperties) {
      this.rejectUnknownProperties = rejectUnknownProperties;
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getMaxBulkRecords() {
      return maxBulkRecords;
    }

    public void setMaxBulkRecords(int maxBulkRecords) {
      this.maxBulkRecords = maxBulkRecords;
    }
  }

  /** Cross-origin resource sharing for browsers calling /api from other origins. */
  public static class Cors {
    /** Origins allowed to call the API from a browser (e.g. https://app.example.com); none when empty. */
    private List<String> allowedOrigins = new ArrayList<>();

    public List<String> getAllowedOrigins() {
      return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
      this.allowedOrigins = allowedOrigins;
    }
  }
}
