package dev.warmreach.store.jdbc;

import dev.warmreach.domain.UserError;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What differs between the databases Warmreach runs on, kept in one small seam so that the store
 * itself has one code path. Chosen from the JDBC URL.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {

  /** A short name for messages, e.g. {@code SQLite}. */
  String name();

  /** Values for the {@code ${…}} placeholders in the shared Flyway migrations. */
  Map<String, String> migrationPlaceholders();

  /** A data source for {@code url}, with the settings this database needs. */
  DataSource dataSource(String url);

  /** The dialect for a JDBC URL, or a user error naming the URLs Warmreach understands. */
  static Dialect forUrl(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new PostgresDialect();
    }
    throw new UserError(
        "--db '"
            + url
            + "' is not a database Warmreach supports; use jdbc:sqlite:FILE or"
            + " jdbc:postgresql://HOST:PORT/DATABASE");
  }

  /** The JDBC URL of the embedded database kept in {@code home}. */
  static String embeddedUrl(Path home) {
    return "jdbc:sqlite:" + home.resolve("warmreach.db").toAbsolutePath();
  }
}
