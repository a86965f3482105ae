import dev.warmreach.Warmreach;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a benchmark workspace (built by bench/pages.sh) into a much larger one: the campaign's
 * enrollments, with their touches, events, decisions and histories, are copied FACTOR times onto
 * prospects in no campaign yet, so the campaign holds FACTOR + 1 times its touches and events. The
 * copies are plain SQL; the campaign's running totals are then recomputed from the stored rows
 * with the statements migrations V10 and V11 fill them with, so every page shows the true counts.
 * Runs in one transaction. Run with the jar on the class path:
 *
 * <pre>java -cp target/warmreach.jar bench/PagesStress.java HOME|JDBC_URL CAMPAIGN FACTOR</pre>
 */
public class PagesStress {
  private static final String MARK = "#copy-";

  /** The migrations that fill the running totals from what is stored. */
  private static final List<String> TALLY_MIGRATIONS =
      List.of(
          "db/migration/V10__campaign_tallies.sql",
          "db/migration/V11__weekly_totals_and_latest_decisions.sql");

  public static void main(String[] args) throws Exception {
    String where = args[0];
    String campaignName = args[1];
    int factor = Integer.parseInt(args[2]);
    String url =
        where.startsWith("jdbc:")
            ? where
            : "jdbc:sqlite:" + Path.of(where).resolve("warmreach.db").toAbsolutePath();
    long began = System.nanoTime();
    // Opening the workspace brings its schema up to date first.
    boolean embedded = !where.startsWith("jdbc:");
    Warmreach.builder()
        .home(Path.of(embedded ? where : System.getProperty("java.io.tmpdir")))
        .database(embedded ? null : where)
        .build()
        .close();
    try (Connection db = DriverManager.getConnection(url)) {
      db.setAutoCommit(false);
      long campaign = single(db, "SELECT id FROM campaign WHERE name = ?", campaignName);
      if (single(
              db,
              "SELECT count(*) FROM touch WHERE idempotency_key LIKE ?",
              "%" + MARK + "%")
          > 0) {
        throw new IllegalStateException("this workspace has been stressed already");
      }
      long enrolled =
          single(db, "SELECT count(*) FROM enrollment WHERE campaign_id = ?", campaign);
      long copies = copyEnrollments(db, campaign, enrolled, factor);
      if (copies < enrolled * factor) {
        throw new IllegalStateException(
            "copying "
                + enrolled
                + " enrollments "
                + factor
                + " times needs "
                + enrolled * factor
                + " prospects in no campaign; the workspace has "
                + copies
                + ": build it with more prospects or copy fewer times");
      }
      String copyOf =
          " FROM stress_copy c JOIN enrollment n ON n.campaign_id = "
              + campaign
              + " AND n.prospect_id = c.new_prospect";
      int touches =
          copy(
              db,
              "touch",
              "t",
              Map.of(
                  "enrollment_id", "n.id",
                  "prospect_id", "c.new_prospect",
                  "idempotency_key", "t.idempotency_key || '" + MARK + "' || c.copy"),
              copyOf + " JOIN touch t ON t.enrollment_id = c.enrollment_id");
      int events =
          copy(
              db,
              "prospect_event",
              "v",
              Map.of(
                  "prospect_id", "c.new_prospect",
                  "idempotency_key", "v.idempotency_key || '" + MARK + "' || c.copy"),
              " FROM stress_copy c JOIN prospect_event v ON v.prospect_id = c.old_prospect");
      copy(
          db,
          "decision",
          "d",
          Map.of("enrollment_id", "n.id", "prospect_id", "c.new_prospect"),
          copyOf + " JOIN decision d ON d.enrollment_id = c.enrollment_id");
      copy(
          db,
          "prospect_history",
          "h",
          Map.of("prospect_id", "c.new_prospect"),
          " FROM stress_copy c JOIN prospect_history h ON h.prospect_id = c.old_prospect");
      // Each copy takes its original's tags (the campaign's among them), so the prospect list's
      // filters find them as they find the originals.
      try (Statement s = db.createStatement()) {
        s.executeUpdate(
            "UPDATE prospect SET tags = (SELECT o.tags FROM stress_copy c JOIN prospect o"
                + " ON o.id = c.old_prospect WHERE c.new_prospect = prospect.id)"
                + " WHERE id IN (SELECT new_prospect FROM stress_copy)");
      }
      Map<String, Long> live = totals(db, campaign);
      boolean sqlite = url.startsWith("jdbc:sqlite:");
      recomputeRunningTotals(db, sqlite);
      Map<String, Long> recomputed = totals(db, campaign);
      db.commit();
      // Each copy mirrors its original on a prospect of its own, so each figure should be FACTOR
      // + 1 times the one the store kept as the campaign ran.
      java.util.Set<String> keys = new java.util.TreeSet<>(live.keySet());
      keys.addAll(recomputed.keySet());
      for (String key : keys) {
        long kept = live.getOrDefault(key, 0L);
        long got = recomputed.getOrDefault(key, 0L);
        if (got != kept * (factor + 1)) {
          System.out.printf(
              "note: %s is %d after recomputing; %d times the %d kept as the campaign ran is %d%n",
              key, got, factor + 1, kept, kept * (factor + 1));
        }
      }
      System.out.printf(
          "copied %d enrollments %d times: %d touches and %d events added (%.1f s)%n",
          enrolled, factor, touches, events, (System.nanoTime() - began) / 1e9);
    }
  }

  /**
   * Copies each of the campaign's enrollments {@code factor} times, the k-th copy of the i-th
   * enrollment onto the ((k - 1) * enrolled + i)-th prospect in no campaign; returns the copies.
   */
  private static long copyEnrollments(Connection db, long campaign, long enrolled, int factor)
      throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate(
          "CREATE TEMPORARY TABLE stress_copy (enrollment_id BIGINT, old_prospect BIGINT,"
              + " new_prospect BIGINT, copy INTEGER)");
      s.executeUpdate(
          "INSERT INTO stress_copy SELECT e.id, e.prospect_id, p.id, (p.rn - 1) / "
              + enrolled
              + " + 1 FROM (SELECT id, prospect_id, ROW_NUMBER() OVER (ORDER BY id) AS rn"
              + " FROM enrollment WHERE campaign_id = "
              + campaign
              + ") e JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM prospect p"
              + " WHERE NOT p.do_not_contact AND NOT EXISTS (SELECT 1 FROM enrollment x"
              + " WHERE x.prospect_id = p.id)) p ON (p.rn - 1) % "
              + enrolled
              + " + 1 = e.rn AND p.rn <= "
              + enrolled * factor);
      s.executeUpdate("CREATE INDEX stress_copy_new ON stress_copy (new_prospect)");
    }
    long copies = single(db, "SELECT count(*) FROM stress_copy");
    if (copies == enrolled * factor) {
      copy(
          db,
          "enrollment",
          "e",
          Map.of("prospect_id", "c.new_prospect"),
          " FROM stress_copy c JOIN enrollment e ON e.id = c.enrollment_id");
    }
    return copies;
  }

  /**
   * Inserts rows into {@code table} selected by {@code from}: every column but the id as it is in
   * the row aliased {@code alias}, except those {@code replaced} by an expression.
   */
  private static int copy(
      Connection db, String table, String alias, Map<String, String> replaced, String from)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME").toLowerCase();
        if (!column.equals("id")) {
          columns.add(column);
        }
      }
    }
    String values =
        columns.stream()
            .map(c -> replaced.getOrDefault(c, alias + "." + c))
            .collect(Collectors.joining(", "));
    try (Statement s = db.createStatement()) {
      return s.executeUpdate(
          "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + from);
    }
  }

  /**
   * The running totals again, from every stored touch and event, as migrations V10 and V11 fill
   * them. The tables' statistics are gathered first, or SQLite, which has none until asked, looks
   * for each event's earlier touch among all touches done (touch_done) instead of the
   * enrollment's (touch_enrollment). SQLite's are dropped again afterwards, so the server plans its queries as
   * it would on a workspace nobody analyzed.
   */
  private static void recomputeRunningTotals(Connection db, boolean sqlite) throws Exception {
    StringBuilder migrations = new StringBuilder();
    for (String file : TALLY_MIGRATIONS) {
      try (InputStream in = PagesStress.class.getClassLoader().getResourceAsStream(file)) {
        migrations.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append(";\n");
      }
    }
    String migration = migrations.toString();
    try (Statement s = db.createStatement()) {
      s.execute("ANALYZE");
      s.executeUpdate("DELETE FROM campaign_tally");
      String code =
          migration
              .lines()
              .filter(line -> !line.strip().startsWith("--"))
              .collect(Collectors.joining("\n"));
      for (String statement : code.split(";")) {
        String sql = statement.strip();
        if (sql.startsWith("INSERT INTO campaign_tally")) {
          s.executeUpdate(sql);
        }
      }
      if (sqlite) {
        s.executeUpdate("DROP TABLE sqlite_stat1");
      }
    }
  }

  /** The campaign's running totals, measure/item → count, leaving out zeros. */
  private static Map<String, Long> totals(Connection db, long campaign) throws SQLException {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (PreparedStatement s =
        db.prepareStatement(
            "SELECT measure, item, n FROM campaign_tally WHERE campaign_id = ? AND n <> 0")) {
      s.setLong(1, campaign);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1) + " " + rs.getString(2), rs.getLong(3));
        }
      }
    }
    return out;
  }

  private static long single(Connection db, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
