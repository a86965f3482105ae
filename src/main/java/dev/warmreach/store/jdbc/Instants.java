package dev.warmreach.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;

/**
 * Instants as the store keeps them: epoch milliseconds in a {@code BIGINT} column, on every
 * database, so they sort and compare the same way and never depend on a time zone. Registered on
 * the {@link Jdbi} once, so statements bind an {@link Instant} as it is ({@code null} becomes a
 * {@code NULL} {@code BIGINT}) and {@code mapTo(Instant.class)} reads one back.
 */
final class Instants {

  private Instants() {}

  /** Makes {@code jdbi} bind and map instants as epoch milliseconds, ahead of JDBI's own. */
  static Jdbi register(Jdbi jdbi) {
    ColumnMapper<Instant> mapper = (rs, column, ctx) -> read(rs, column);
    return jdbi.registerArgument(new Millis()).registerColumnMapper(Instant.class, mapper);
  }

  /** The instant in {@code column}; {@code null} when it is {@code NULL}. */
  static Instant read(ResultSet rs, String column) throws SQLException {
    return read(rs, rs.findColumn(column));
  }

  /** The instant in the column at {@code index} (from 1); {@code null} when it is {@code NULL}. */
  static Instant read(ResultSet rs, int index) throws SQLException {
    long millis = rs.getLong(index);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static final class Millis extends AbstractArgumentFactory<Instant> {
    Millis() {
      super(Types.BIGINT);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
    }
  }
}
