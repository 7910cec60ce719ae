package dev.matching.redis;

import dev.matching.model.Checks;
import dev.matching.spi.StorageException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Named locks with expiry and fencing tokens on one Redis server: {@code SET key owner NX PX ttl}
 * with a random owner value, a token from a per-name counter, and renew and release as Lua
 * compare-and-pexpire and compare-and-delete, so only the holder can extend or free its lease.
 *
 * <p>Guarantees and limits:
 * <ul>
 *   <li>Mutual exclusion holds only while the holder is within {@link Lease#remaining()}: a holder
 *       paused (GC, VM freeze) past the TTL may still believe it holds the lease while another
 *       holds it. Protected resources must check {@link Lease#fencingToken()}.</li>
 *   <li>One Redis server, no Redlock: if it fails over to a replica that had not received the
 *       lease, or restarts without data, two holders can exist at once. Fencing tokens keep
 *       growing even then (see {@code lease-acquire.lua}) while the server clock does not go
 *       back.</li>
 *   <li>Expiry is measured by Redis; {@link Lease#remaining()} is a conservative local estimate
 *       that does not account for clocks running at different rates.</li>
 *   <li>Every call fails with {@link StorageException} within the command timeout when Redis is
 *       unreachable; a lease whose renewal failed must be treated as lost once its remaining
 *       time runs out.</li>
 * </ul>
 *
 * <p>Thread-safe; does not own the connection.
 */
public final class RedisLeases {

  private static final LuaScript ACQUIRE = LuaScript.load("lease-acquire.lua");
  private static final LuaScript RENEW = LuaScript.load("lease-renew.lua");
  private static final LuaScript RELEASE = LuaScript.load("lease-release.lua");

  private final RedisCalls redis;
  private final String prefix;

  /** Leases on {@code connection} under {@code config}'s key prefix. */
  public RedisLeases(StatefulRedisConnection<String, String> connection, RedisMatchingConfig config) {
    Checks.required(connection, "connection");
    Checks.required(config, "config");
    this.redis = new RedisCalls(connection, config.commandTimeout());
    this.prefix = config.keyPrefix() + ":lease:";
  }

  /**
   * Takes lease {@code name} for {@code ttl} if nobody holds it.
   *
   * @param name a valid id
   * @param ttl at least 1 ms
   * @return the lease, or empty when another holder has it
   */
  public Optional<Lease> tryAcquire(String name, Duration ttl) {
    Checks.id(name, "name");
    long ttlMillis = ttlMillis(ttl);
    String owner = UUID.randomUUID().toString();
    long sentAt = System.nanoTime();
    Long token = redis.eval("acquisition of lease " + name, ACQUIRE, ScriptOutputType.INTEGER,
        new String[] {leaseKey(name), prefix + name + ":fence"}, owner, Long.toString(ttlMillis));
    if (token == null) {
      return Optional.empty();
    }
    return Optional.of(new Lease(name, owner, token, sentAt + Duration.ofMillis(ttlMillis).toNanos()));
  }

  /**
   * Extends a held lease to {@code ttl} from now.
   *
   * @return the renewed lease, or empty when it was lost (expired, maybe taken by another)
   */
  public Optional<Lease> renew(Lease lease, Duration ttl) {
    Checks.required(lease, "lease");
    long ttlMillis = ttlMillis(ttl);
    long sentAt = System.nanoTime();
    Long renewed = redis.eval("renewal of lease " + lease.name(), RENEW, ScriptOutputType.INTEGER,
        new String[] {leaseKey(lease.name())}, lease.owner(), Long.toString(ttlMillis));
    return renewed != null && renewed == 1
        ? Optional.of(lease.renewedUntil(sentAt + Duration.ofMillis(ttlMillis).toNanos()))
        : Optional.empty();
  }

  /** Frees a held lease; returns false when it was already lost. */
  public boolean release(Lease lease) {
    Checks.required(lease, "lease");
    Long released = redis.eval("release of lease " + lease.name(), RELEASE, ScriptOutputType.INTEGER,
        new String[] {leaseKey(lease.name())}, lease.owner());
    return released != null && released == 1;
  }

  private String leaseKey(String name) {
    return prefix + name;
  }

  private static long ttlMillis(Duration ttl) {
    Checks.required(ttl, "ttl");
    long millis = ttl.toMillis();
    if (millis < 1) {
      throw Checks.fail("ttl", "must be at least 1 ms, was " + ttl);
    }
    return millis;
  }
}
