package dev.matching.spring.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** {@link DatabasePool} of a HikariCP data source. */
public final class HikariDatabasePool implements DatabasePool {
  private final DataSource dataSource;

  /** Reads the pool of {@code dataSource} (a Hikari pool, possibly wrapped). */
  public HikariDatabasePool(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<String, Object> stats() {
    Map<String, Object> stats = new LinkedHashMap<>();
    HikariDataSource hikari;
    try {
      if (!dataSource.isWrapperFor(HikariDataSource.class)) {
        stats.put("pool", "not a Hikari pool");
        return stats;
      }
      hikari = dataSource.unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      stats.put("pool", "unavailable: " + e.getMessage());
      return stats;
    }
    stats.put("pool", hikari.getPoolName());
    stats.put("max", hikari.getMaximumPoolSize());
    HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
    if (pool != null) {
      stats.put("active", pool.getActiveConnections());
      stats.put("idle", pool.getIdleConnections());
      stats.put("total", pool.getTotalConnections());
      stats.put("waiting", pool.getThreadsAwaitingConnection());
    }
    return stats;
  }
}
