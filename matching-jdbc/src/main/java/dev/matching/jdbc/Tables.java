package dev.matching.jdbc;

/**
 * Qualified names of the tables of one configured schema and prefix. Immutable.
 *
 * @param schema the schema, a validated plain identifier
 * @param prefix the table prefix, a validated plain identifier or empty
 */
record Tables(String schema, String prefix) {

  /** {@code schema.prefix + name}, for use in SQL. */
  String qualified(String name) {
    return schema + "." + prefix + name;
  }

  /** The Flyway history table of this configuration (unqualified). */
  String historyTable() {
    return prefix + "schema_history";
  }
}
