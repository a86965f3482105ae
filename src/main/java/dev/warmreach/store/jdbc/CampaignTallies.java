package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.Touch;
import dev.warmreach.message.VariantTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * A campaign's running totals — touches by channel and status, events and replies, each template
 * variant's results, touches and replies per week — kept as they change, in the same transaction as
 * the touch or event, so a campaign's figures are read in one query however many touches it made.
 * An event counts once for each campaign that had carried out a touch to that person before it; an
 * acceptance or a reply counts once per person (the first), so no rate can exceed what was sent.
 * Each method runs on the handle of the caller's transaction.
 */
final class CampaignTallies {

  private CampaignTallies() {}

  static final String EVENT = "EVENT";
  static final String REPLY = "REPLY";
  static final String VARIANT_SENT = "VARIANT_SENT";
  static final String VARIANT_ACCEPTED = "VARIANT_ACCEPTED";
  static final String VARIANT_REPLIED = "VARIANT_REPLIED";
  static final String WEEK_SENT = "WEEK_SENT";
  static final String WEEK_REPLIED = "WEEK_REPLIED";

  /** Monday 1970-01-05 00:00 UTC: weeks are numbered from it. */
  static final long FIRST_MONDAY = 4L * 24 * 60 * 60 * 1000;

  static final long WEEK = 7L * 24 * 60 * 60 * 1000;

  /** The number of the week (Monday to Sunday, UTC) of {@code at}, as the totals' item. */
  static String week(Instant at) {
    return Long.toString(Math.floorDiv(at.toEpochMilli() - FIRST_MONDAY, WEEK));
  }

  /** The Monday that starts week {@code item}. */
  static Instant weekStart(String item) {
    return Instant.ofEpochMilli(FIRST_MONDAY + Long.parseLong(item) * WEEK);
  }

  /** The measure counting touches in {@code status}, by channel. */
  static String touches(Touch.Status status) {
    return "TOUCH_" + status.name();
  }

  /** A touch was planned for the enrollment. */
  static void planned(Handle h, long enrollmentId, Channel channel) {
    addForEnrollment(
        h, enrollmentId, List.of(new Count(touches(Touch.Status.PLANNED), channel.name(), 1)));
  }

  /**
   * A touch moved from its status to {@code to}; when done (at {@code at}, read only then), it
   * counts in that week, and a variant's message counts as sent.
   */
  static void moved(Handle h, Touch touch, Touch.Status to, Instant at) {
    List<Count> counts = new ArrayList<>(4);
    if (touch.status() != to) {
      counts.add(new Count(touches(touch.status()), touch.channel().name(), -1));
      counts.add(new Count(touches(to), touch.channel().name(), 1));
    }
    if (to == Touch.Status.DONE) {
      counts.add(new Count(WEEK_SENT, week(at), 1));
      if (touch.message() != null && touch.message().variant() != null) {
        counts.add(new Count(VARIANT_SENT, variantKey(touch), 1));
      }
    }
    addForEnrollment(h, touch.enrollmentId(), counts);
  }

  /**
   * An event was recorded for a prospect whose history went from {@code before} to {@code after}.
   * Counted for each campaign that carried out a touch to them at or before the event.
   */
  static void recorded(Handle h, Event event, ProspectHistory before, ProspectHistory after) {
    boolean accepted = event instanceof Event.Accepted;
    boolean replied = event instanceof Event.Replied;
    if ((accepted && sameConnection(before, after)) || (replied && before.replied())) {
      return; // the same answer again: counted when it first came
    }
    // The campaign of each touch comes with it: one query, however many campaigns reached them.
    // Only the prospect is asked for: a person has a handful of touches, and a condition on the
    // status lets the planner walk every touch done instead (without statistics, SQLite does).
    Map<Long, List<Touch>> byCampaign = new LinkedHashMap<>();
    h
        .createQuery(
            "SELECT t.*, e.campaign_id AS touch_campaign FROM touch t JOIN enrollment e"
                + " ON e.id = t.enrollment_id WHERE t.prospect_id = :p")
        .bind("p", event.prospectId())
        .map((rs, ctx) -> Map.entry(rs.getLong("touch_campaign"), TouchRows.map(rs)))
        .list()
        .stream()
        .filter(e -> e.getValue().status() == Touch.Status.DONE)
        .filter(e -> !e.getValue().doneAt().isAfter(event.at()))
        .sorted(
            Comparator.comparing((Map.Entry<Long, Touch> e) -> e.getValue().doneAt())
                .thenComparing(e -> e.getValue().id()))
        .forEach(
            e -> byCampaign.computeIfAbsent(e.getKey(), c -> new ArrayList<>()).add(e.getValue()));
    String kind = event.code();
    List<CampaignCount> counts = new ArrayList<>();
    for (Map.Entry<Long, List<Touch>> campaign : byCampaign.entrySet()) {
      long id = campaign.getKey();
      List<Touch> sent = campaign.getValue();
      if (accepted && sent.stream().noneMatch(t -> t.channel() == Channel.CONNECT)) {
        continue; // this campaign sent them no request
      }
      counts.add(new CampaignCount(id, new Count(EVENT, kind, 1)));
      if (replied) {
        Channel channel = replyChannel(((Event.Replied) event).channel(), sent);
        counts.add(new CampaignCount(id, new Count(REPLY, channel.name(), 1)));
        counts.add(new CampaignCount(id, new Count(WEEK_REPLIED, week(event.at()), 1)));
      }
      for (Touch t : sent) {
        boolean answered = replied || (accepted && t.channel() == Channel.CONNECT);
        if (answered && t.message() != null && t.message().variant() != null) {
          String measure = replied ? VARIANT_REPLIED : VARIANT_ACCEPTED;
          counts.add(new CampaignCount(id, new Count(measure, variantKey(t), 1)));
        }
      }
    }
    addAll(h, counts);
  }

  /** A campaign's totals: measure → item → count. */
  static Map<String, Map<String, Long>> read(Handle h, long campaignId) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    h.createQuery(
            "SELECT measure, item, n FROM campaign_tally WHERE campaign_id = :c AND n <> 0"
                + " ORDER BY measure, item")
        .bind("c", campaignId)
        .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})
        .forEach(
            row ->
                out.computeIfAbsent((String) row[0], m -> new LinkedHashMap<>())
                    .put((String) row[1], (Long) row[2]));
    return out;
  }

  /** Each variant's results from a campaign's totals, ordered by template and label. */
  static List<VariantTally> variants(Map<String, Map<String, Long>> totals) {
    Map<String, Long> sent = totals.getOrDefault(VARIANT_SENT, Map.of());
    Map<String, Long> accepted = totals.getOrDefault(VARIANT_ACCEPTED, Map.of());
    Map<String, Long> replied = totals.getOrDefault(VARIANT_REPLIED, Map.of());
    List<VariantTally> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : new TreeMap<>(sent).entrySet()) {
      int slash = e.getKey().lastIndexOf('/');
      out.add(
          new VariantTally(
              e.getKey().substring(0, slash),
              e.getKey().substring(slash + 1),
              e.getValue(),
              accepted.getOrDefault(e.getKey(), 0L),
              replied.getOrDefault(e.getKey(), 0L)));
    }
    return out;
  }

  /**
   * The channel a reply counts on in a campaign: the channel it came on when the campaign sent on
   * it, else the campaign's latest touch's channel (what they were answering).
   */
  private static Channel replyChannel(Channel came, List<Touch> sent) {
    if (sent.stream().anyMatch(t -> t.channel() == came)) {
      return came;
    }
    return sent.get(sent.size() - 1).channel();
  }

  private static boolean sameConnection(ProspectHistory before, ProspectHistory after) {
    return before.connection() == after.connection();
  }

  private static String variantKey(Touch touch) {
    return touch.template() + "/" + touch.message().variant();
  }

  /** One change to one total: {@code n} added to {@code measure}'s {@code item}. */
  record Count(String measure, String item, long n) {}

  /**
   * Adds {@code counts} (each to a different total) to the enrollment's campaign, in one statement:
   * a touch that moves changes up to four totals, and each statement is a round trip.
   */
  private static void addForEnrollment(Handle h, long enrollmentId, List<Count> counts) {
    if (counts.isEmpty()) {
      return;
    }
    WriteBehind behind = WriteBehind.on(h);
    if (behind != null) {
      // Inside a run of steps nothing reads the totals: they go out with its commit.
      behind.tallies(enrollmentId, counts);
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < counts.size(); i++) {
      rows.append(i == 0 ? "" : ", ").append("(:m").append(i).append(", :i").append(i);
      rows.append(", :n").append(i).append(')');
    }
    Update update =
        h.createUpdate(
                "INSERT INTO campaign_tally (campaign_id, measure, item, n) SELECT e.campaign_id,"
                    + " v.column1, v.column2, v.column3 FROM enrollment e CROSS JOIN (VALUES "
                    + rows
                    + ") v WHERE e.id = :enrollment ON CONFLICT (campaign_id, measure, item)"
                    + " DO UPDATE SET n = campaign_tally.n + excluded.n")
            .bind("enrollment", enrollmentId);
    for (int i = 0; i < counts.size(); i++) {
      update.bind("m" + i, counts.get(i).measure());
      update.bind("i" + i, counts.get(i).item());
      update.bind("n" + i, counts.get(i).n());
    }
    update.execute();
  }

  /** A change to one campaign's total. */
  private record CampaignCount(long campaignId, Count count) {}

  /**
   * Adds each count to its campaign's total in one statement: an event changes up to four totals
   * per campaign that reached the person. Each pair of campaign, measure and item appears once.
   */
  private static void addAll(Handle h, List<CampaignCount> counts) {
    Map<List<Object>, Long> merged = new LinkedHashMap<>();
    for (CampaignCount c : counts) {
      merged.merge(
          List.of(c.campaignId(), c.count().measure(), c.count().item()), c.count().n(), Long::sum);
    }
    if (merged.isEmpty()) {
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < merged.size(); i++) {
      rows.append(i == 0 ? "" : ", ").append("(:c").append(i).append(", :m").append(i);
      rows.append(", :i").append(i).append(", :n").append(i).append(')');
    }
    Update update =
        h.createUpdate(
            "INSERT INTO campaign_tally (campaign_id, measure, item, n) VALUES "
                + rows
                + " ON CONFLICT (campaign_id, measure, item) DO UPDATE SET n ="
                + " campaign_tally.n + excluded.n");
    int i = 0;
    for (Map.Entry<List<Object>, Long> e : merged.entrySet()) {
      update.bind("c" + i, (Long) e.getKey().get(0));
      update.bind("m" + i, (String) e.getKey().get(1));
      update.bind("i" + i, (String) e.getKey().get(2));
      update.bind("n" + i, e.getValue());
      i++;
    }
    update.execute();
  }
}
