package dev.warmreach.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * An open database: its connection pool, with the schema created or upgraded by Flyway, and the
 * {@link Jdbi} over it that every part of the store shares.
 *
 * @param dialect what differs on this database
 */
record Database(Dialect dialect, HikariDataSource pool, Jdbi jdbi) {

  /**
   * Opens the database at {@code url}, creating or upgrading its schema.
   *
   * @throws UserError when the URL is not supported or the database cannot be reached
   */
  static Database open(String url) {
    Dialect dialect = Dialect.forUrl(url);
    dialect.prepareUrl(url);
    DataSource direct = dialect.dataSource(url);
    checkReachable(url, dialect, direct);
    HikariDataSource dataSource = pooled(direct, dialect);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .placeholders(dialect.migrationPlaceholders())
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreException(
          "could not prepare the "
              + dialect.name()
              + " database at "
              + DatabaseUrls.shown(url)
              + ": "
              + e.getMessage(),
          e);
    }
    Jdbi jdbi =
        Instants.register(Jdbi.create(dataSource))
            .setStatementBuilderFactory(connection -> new ReusedStatements());
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
    return new Database(dialect, dataSource, jdbi);
  }

  /**
   * A failed statement's message names the statement but not the values bound to it: they are token
   * hashes, emails and event text, and messages end up in logs.
   */
  private static String withoutArguments(StatementException e) {
    StatementContext context = e.getStatementContext();
    String sql = context == null ? null : context.getRawSql();
    return e.getShortMessage() + (sql == null ? "" : " [statement: \"" + sql.strip() + "\"]");
  }

  /** The transactions of this database, one writer at a time where it allows only one. */
  Transactions transactions() {
    return new Transactions(jdbi, WriteGate.forDialect(dialect), dialect.runsTakeTurns());
  }

  /**
   * Connections are pooled: opening a SQLite file and applying its settings costs more than most
   * queries, and the live engine runs thousands of small transactions.
   */
  private static HikariDataSource pooled(DataSource direct, Dialect dialect) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(direct);
    config.setPoolName("warmreach-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    config.setMaximumPoolSize(dialect.poolSize());
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  private static void checkReachable(String url, Dialect dialect, DataSource dataSource) {
    try (Connection ignored = dataSource.getConnection()) {
      // reachable
    } catch (SQLException e) {
      throw new UserError(
          "cannot open the "
              + dialect.name()
              + " database at "
              + DatabaseUrls.shown(url)
              + ": "
              + e.getMessage()
              + "; check the --db URL and that the database is running",
          e);
    }
  }
}
