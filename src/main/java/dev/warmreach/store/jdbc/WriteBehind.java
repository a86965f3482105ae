package dev.warmreach.store.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes that nothing reads back while a run of steps is under way — decisions and changes to
 * campaigns' running totals — held for the run's shared transaction ({@link Transactions#together})
 * and sent just before it commits: the decisions as one JDBC batch, the totals merged per campaign
 * and item into a statement per 200 of them. On PostgreSQL each statement is a round trip, and a
 * step made up to three of these. They commit with the rest of the run or not at all, so a killed
 * run loses nothing it had committed. A write undone alone (its savepoint rolled back) takes back
 * what it held here. Used by one thread at a time.
 */
final class WriteBehind {

  /** Rows per totals statement: four parameters each, well under SQLite's 32,766. */
  private static final int TALLY_ROWS = 200;

  private static final ThreadLocal<WriteBehind> CURRENT = new ThreadLocal<>();

  private final Handle handle;
  // What this thread held for another database's run, if it runs one around this one.
  private final WriteBehind enclosing;
  private final List<Decision> decisions = new ArrayList<>();
  private final List<Tally> tallies = new ArrayList<>();

  private WriteBehind(Handle handle, WriteBehind enclosing) {
    this.handle = handle;
    this.enclosing = enclosing;
  }

  /** A decision to insert. */
  record Decision(
      long enrollment, long prospect, String step, String kind, String summary, Instant at) {}

  /** A change of {@code n} to a total of the campaign of an enrollment. */
  record Tally(long enrollment, String measure, String item, long n) {}

  /** How much was held when a write began: {@link #undoTo} takes back what followed. */
  record Mark(int decisions, int tallies) {}

  /** Starts holding writes made on {@code h} by this thread, until {@link #end}. */
  static WriteBehind begin(Handle h) {
    WriteBehind behind = new WriteBehind(h, CURRENT.get());
    CURRENT.set(behind);
    return behind;
  }

  /** Stops holding writes for this thread (what is held and not flushed is dropped). */
  void end() {
    if (enclosing == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(enclosing);
    }
  }

  /** The writes held for {@code h} by this thread, or {@code null} when they go out at once. */
  static WriteBehind on(Handle h) {
    WriteBehind behind = CURRENT.get();
    return behind != null && behind.handle == h ? behind : null;
  }

  /** The writes held by this thread for its shared transaction, if any. */
  static WriteBehind current() {
    return CURRENT.get();
  }

  void decision(Decision decision) {
    decisions.add(decision);
  }

  void tallies(long enrollment, List<CampaignTallies.Count> counts) {
    for (CampaignTallies.Count c : counts) {
      tallies.add(new Tally(enrollment, c.measure(), c.item(), c.n()));
    }
  }

  Mark mark() {
    return new Mark(decisions.size(), tallies.size());
  }

  /** Takes back what was held since {@code mark}: the write that held it was undone. */
  void undoTo(Mark mark) {
    decisions.subList(mark.decisions(), decisions.size()).clear();
    tallies.subList(mark.tallies(), tallies.size()).clear();
  }

  /** Sends what is held, on the shared transaction's handle. */
  void flush() {
    if (!decisions.isEmpty()) {
      PreparedBatch batch =
          handle.prepareBatch(
              "INSERT INTO decision (enrollment_id, prospect_id, step, kind, summary, decided_at)"
                  + " VALUES (:e, :p, :step, :kind, :summary, :at)");
      for (Decision d : decisions) {
        batch
            .bind("e", d.enrollment())
            .bind("p", d.prospect())
            .bind("step", d.step())
            .bind("kind", d.kind())
            .bind("summary", d.summary())
            .bind("at", d.at())
            .add();
      }
      batch.execute();
      decisions.clear();
    }
    if (!tallies.isEmpty()) {
      Map<List<Object>, Long> merged = new LinkedHashMap<>();
      for (Tally t : tallies) {
        merged.merge(List.of(t.enrollment(), t.measure(), t.item()), t.n(), Long::sum);
      }
      List<Map.Entry<List<Object>, Long>> rows = new ArrayList<>(merged.entrySet());
      for (int from = 0; from < rows.size(); from += TALLY_ROWS) {
        tallyStatement(rows.subList(from, Math.min(rows.size(), from + TALLY_ROWS)));
      }
      tallies.clear();
    }
  }

  /**
   * One statement for many enrollments' changes: summed per campaign, measure and item first, as
   * PostgreSQL lets one statement's upsert change a row only once.
   */
  private void tallyStatement(List<Map.Entry<List<Object>, Long>> rows) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      values.append(i == 0 ? "" : ", ").append("(:e").append(i).append(", :m").append(i);
      values.append(", :i").append(i).append(", :n").append(i).append(')');
    }
    Update update =
        handle.createUpdate(
            "INSERT INTO campaign_tally (campaign_id, measure, item, n) SELECT e.campaign_id,"
                + " v.column2, v.column3, sum(v.column4) FROM (VALUES "
                + values
                + ") v CROSS JOIN enrollment e WHERE e.id = v.column1 GROUP BY e.campaign_id, v.column2,"
                + " v.column3 ON CONFLICT (campaign_id, measure, item)"
                + " DO UPDATE SET n = campaign_tally.n + excluded.n");
    for (int i = 0; i < rows.size(); i++) {
      List<Object> key = rows.get(i).getKey();
      update.bind("e" + i, (Long) key.get(0));
      update.bind("m" + i, (String) key.get(1));
      update.bind("i" + i, (String) key.get(2));
      update.bind("n" + i, rows.get(i).getValue());
    }
    update.execute();
  }
}
