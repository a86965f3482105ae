package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A prospect's Sales Navigator lead id ({@code lead_id}, e.g. {@code ACwAAB…}) apart from their
 * public profile: a person known only from a lead list has a lead id and neither profile URL nor
 * email, so the rule that every prospect is reachable accepts the lead id too. Lead addresses that
 * earlier imports stored as profile URLs move to the new column.
 *
 * <p>And {@code campaign.finished} is keyed by the campaign and when it finished, since a completed
 * campaign that gains people runs again and finishes anew.
 *
 * <p>In Java because the two databases change a CHECK constraint differently: PostgreSQL drops and
 * adds it; SQLite, which cannot alter one, has its stored table definition edited as its manual
 * describes for loosening a constraint (the rows on disk do not change).
 */
public class V23__prospect_lead_id extends BaseJavaMigration {

  private static final String OLD_CHECK = "CHECK (profile_url IS NOT NULL OR email IS NOT NULL)";
  private static final String NEW_CHECK =
      "CHECK (profile_url IS NOT NULL OR email IS NOT NULL OR lead_id IS NOT NULL)";
  private static final String LEAD_PREFIX = "https://www.linkedin.com/sales/lead/";

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres =
        connection
            .getMetaData()
            .getDatabaseProductName()
            .toLowerCase(Locale.ROOT)
            .contains("postgres");
    try (Statement sql = connection.createStatement()) {
      sql.execute("ALTER TABLE prospect ADD COLUMN lead_id TEXT");
      sql.execute("CREATE UNIQUE INDEX prospect_lead_id ON prospect (lead_id)");
      if (postgres) {
        loosenOnPostgres(sql);
      } else {
        loosenOnSqlite(sql);
      }
      sql.execute(
          "UPDATE prospect SET lead_id = substr(profile_url, "
              + (LEAD_PREFIX.length() + 1)
              + "), profile_url = NULL WHERE profile_url LIKE '"
              + LEAD_PREFIX
              + "%'");
      sql.execute(
          "UPDATE webhook_event SET event_key = event_key || ':' || (SELECT c.finished_at FROM"
              + " campaign c WHERE 'campaign.finished:' || c.id = webhook_event.event_key)"
              + " WHERE type = 'campaign.finished' AND EXISTS (SELECT 1 FROM campaign c"
              + " WHERE 'campaign.finished:' || c.id = webhook_event.event_key"
              + " AND c.finished_at IS NOT NULL)");
    }
  }

  private static void loosenOnPostgres(Statement sql) throws SQLException {
    List<String> checks = new ArrayList<>();
    try (ResultSet rs =
        sql.executeQuery(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'prospect'::regclass"
                + " AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%profile_url%'")) {
      while (rs.next()) {
        checks.add(rs.getString(1));
      }
    }
    for (String check : checks) {
      sql.execute("ALTER TABLE prospect DROP CONSTRAINT \"" + check.replace("\"", "\"\"") + "\"");
    }
    sql.execute("ALTER TABLE prospect ADD CONSTRAINT prospect_reachable " + NEW_CHECK);
  }

  /**
   * SQLite's manual ("Making Other Kinds Of Table Schema Changes") for removing or loosening a
   * CHECK: edit the stored definition and bump the schema version so every connection rereads it.
   */
  private static void loosenOnSqlite(Statement sql) throws SQLException {
    int version;
    try (ResultSet rs = sql.executeQuery("PRAGMA schema_version")) {
      rs.next();
      version = rs.getInt(1);
    }
    sql.execute("PRAGMA writable_schema = ON");
    int edited =
        sql.executeUpdate(
            "UPDATE sqlite_master SET sql = replace(sql, '"
                + OLD_CHECK
                + "', '"
                + NEW_CHECK
                + "') WHERE type = 'table' AND name = 'prospect'");
    sql.execute("PRAGMA schema_version = " + (version + 1));
    sql.execute("PRAGMA writable_schema = OFF");
    if (edited != 1) {
      throw new SQLException("the prospect table was not found to loosen its CHECK");
    }
  }
}
