import dev.warmreach.Warmreach;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.live.LimitAudit;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.store.ProspectQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chaos run's verdict (bench/chaos.sh): what the store says was carried out against what the
 * receivers got, the events acknowledged against those stored, and the limits checked anew.
 * Exits 1 unless nothing was delivered twice, nothing lost and no limit exceeded.
 *
 *   java -cp target/warmreach.jar bench/ChaosCheck.java HOME_OR_JDBC_URL DELIVERY_LOG EVENTS_SENT
 */
public final class ChaosCheck {

  public static void main(String[] args) throws Exception {
    String where = args[0];
    List<String> log = Files.readAllLines(Path.of(args[1]));
    Set<String> eventsSent = new HashSet<>(Files.readAllLines(Path.of(args[2])));
    eventsSent.remove("");

    // What the simulated network received, by touch key.
    Map<String, Integer> received = new HashMap<>();
    long duplicates = 0;
    for (String line : log) {
      if (line.startsWith("SENT ")) {
        received.merge(line.substring(5), 1, Integer::sum);
      } else if (line.startsWith("DUPLICATE ")) {
        duplicates++;
      }
    }
    long twice = duplicates + received.values().stream().filter(n -> n > 1).count();

    Warmreach.Builder builder = Warmreach.builder();
    if (where.startsWith("jdbc:")) {
      builder.database(where);
    } else {
      builder.home(Path.of(where));
    }
    try (Warmreach app = builder.build()) {
      List<Prospect> people = new ArrayList<>();
      for (int offset = 0; ; offset += ProspectQuery.MAX_LIMIT) {
        List<Prospect> page =
            app.prospects()
                .prospects(
                    new ProspectQuery(null, null, null, ProspectQuery.MAX_LIMIT, offset));
        people.addAll(page);
        if (page.size() < ProspectQuery.MAX_LIMIT) {
          break;
        }
      }
      List<Touch> touches = new ArrayList<>();
      Set<Long> doNotContact = new HashSet<>();
      for (Prospect p : people) {
        touches.addAll(app.touches().touches(p.id()));
        if (p.doNotContact()) {
          doNotContact.add(p.id());
        }
      }
      Set<String> expected = new HashSet<>();
      long planned = 0;
      long uncertain = 0;
      for (Touch t : touches) {
        switch (t.status()) {
          case PLANNED -> planned++;
          case UNCERTAIN -> uncertain++;
          default -> expected.add(t.idempotencyKey());
        }
      }
      long lost = expected.stream().filter(k -> !received.containsKey(k)).count() + planned;
      long unrecorded = received.keySet().stream().filter(k -> !expected.contains(k)).count();

      Map<String, SenderAccount> accounts = new LinkedHashMap<>();
      Map<String, CreditLedger> ledgers = new LinkedHashMap<>();
      for (SenderAccount a : app.accounts().accounts()) {
        accounts.put(a.name(), a);
        app.accounts().accountState(a.name()).ifPresent(s -> ledgers.put(a.name(), s.credits()));
      }
      Map<String, Long> broken = LimitAudit.of(touches, accounts, ledgers, doNotContact);
      long exceeded = broken.values().stream().mapToLong(Long::longValue).sum();

      long eventsStored = eventsStored(where, eventsSent);

      System.out.printf("prospects            %,d%n", people.size());
      System.out.printf("touches expected     %,d  (carried out by the store's account)%n",
          expected.size());
      System.out.printf("delivered            %,d  (distinct keys the network received)%n",
          received.size());
      System.out.printf("delivered twice      %,d%n", twice);
      System.out.printf("lost                 %,d  (carried out but never received, or left planned: %,d)%n",
          lost, planned);
      System.out.printf("received, not stored %,d%n", unrecorded);
      System.out.printf("uncertain            %,d  (for the user to confirm)%n", uncertain);
      System.out.printf("events sent / stored %,d / %,d%n", eventsSent.size(), eventsStored);
      System.out.printf("limits exceeded      %,d  %s%n", exceeded, broken);
      boolean ok =
          twice == 0
              && lost == 0
              && unrecorded == 0
              && exceeded == 0
              && eventsStored == eventsSent.size();
      System.out.println(ok ? "OK" : "FAILED");
      System.exit(ok ? 0 : 1);
    }
  }

  /** The acknowledged events found in the store, by their idempotency keys. */
  private static long eventsStored(String where, Set<String> sent) throws Exception {
    String url =
        where.startsWith("jdbc:") ? where : "jdbc:sqlite:" + Path.of(where, "warmreach.db");
    long stored = 0;
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT idempotency_key FROM prospect_event"
                        + " WHERE idempotency_key LIKE '%chaos-ev-%'")) {
      while (rs.next()) {
        String key = rs.getString(1);
        if (sent.stream().anyMatch(key::endsWith)) {
          stored++;
        }
      }
    }
    return stored;
  }
}
