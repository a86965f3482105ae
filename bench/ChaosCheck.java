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
 *   java -cp target/warmreach.jar bench/ChaosCheck.java HOME_OR_JDBC_URL --receivers \
 *       PROVIDER_LOG WEBHOOK_LOG SMTP_LOG EVENTS_SENT
 *
 * With --receivers (bench/chaos-serve.sh) the touches carried out are matched per receiver: the
 * LinkedIn provider's fake (the LinkedIn touches of linked accounts, by person and kind: one
 * answered call per touch done), the webhook sink (the other accounts' LinkedIn touches, by
 * Idempotency-Key: a repeat of a key is dropped by the receiver, counted apart) and the SMTP sink
 * (emails, by the touch key in their Message-ID).
 */
public final class ChaosCheck {

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[1].equals("--receivers")) {
      ReceiverCheck.run(args);
      return;
    }
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

  /**
   * The warm-ups done by posting only a comment, their like already on the post from an earlier
   * round (the provider executor's "commented only" outcome).
   */
  static Set<String> commentOnlyWarmUps(String where) throws Exception {
    Set<String> keys = new HashSet<>();
    try (Connection c = connect(where);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT touch_key FROM delivery WHERE kind = 'PROVIDER' AND status = 'SENT'"
                        + " AND last_error LIKE 'commented only%'")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  /** The store's database: a JDBC URL as given, or the SQLite file of a home folder. */
  static Connection connect(String where) throws Exception {
    return DriverManager.getConnection(
        where.startsWith("jdbc:") ? where : "jdbc:sqlite:" + Path.of(where, "warmreach.db"));
  }

  /** The acknowledged events found in the store, by their idempotency keys. */
  static long eventsStored(String where, Set<String> sent) throws Exception {
    long stored = 0;
    try (Connection c = connect(where);
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

  /** The verdict against the three receivers' logs. */
  static final class ReceiverCheck {

    static void run(String[] args) throws Exception {
      String where = args[0];
      List<String> providerLog = Files.readAllLines(Path.of(args[2]));
      List<String> webhookLog = Files.readAllLines(Path.of(args[3]));
      List<String> smtpLog = Files.readAllLines(Path.of(args[4]));
      Set<String> eventsSent = new HashSet<>(Files.readAllLines(Path.of(args[5])));
      eventsSent.remove("");

      // What each receiver answered: the provider by person and kind, the others by touch key.
      Map<String, Integer> provider = new HashMap<>();
      for (String line : providerLog) {
        String[] f = line.split("\t", -1);
        String kind =
            switch (f[0]) {
              case "POST /users/invite" -> "CONNECT";
              case "POST /posts/reaction" -> "ENGAGE";
              case "POST /chats" -> f[3].equals("inmail") ? "INMAIL" : "DM";
              case "POST /chats/{id}/messages" -> "DM";
              // A comment rides on its warm-up's reaction, except a later round's on a post the
              // account already liked: that round posts only its comment (counted below).
              case "POST /posts/{id}/comments" -> "COMMENTS";
              default -> null;
            };
        if (kind != null) {
          provider.merge(f[2] + "/" + kind, 1, Integer::sum);
        }
      }
      Map<String, Integer> webhook = new HashMap<>();
      for (String line : webhookLog) {
        String[] f = line.split("\t", -1);
        if (f.length > 2 && f[2].equals("touch.due")) {
          webhook.merge(f[0], 1, Integer::sum);
        }
      }
      Map<String, Integer> smtp = new HashMap<>();
      for (String line : smtpLog) {
        String id = line.split("\t", -1)[0];
        smtp.merge(
            dev.warmreach.execute.email.TouchReference.fromMessageId(id).orElse("?" + id),
            1,
            Integer::sum);
      }

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
                  .prospects(new ProspectQuery(null, null, null, ProspectQuery.MAX_LIMIT, offset));
          people.addAll(page);
          if (page.size() < ProspectQuery.MAX_LIMIT) {
            break;
          }
        }
        Set<String> linked = new HashSet<>();
        Map<String, SenderAccount> accounts = new LinkedHashMap<>();
        Map<String, CreditLedger> ledgers = new LinkedHashMap<>();
        for (SenderAccount a : app.accounts().accounts()) {
          accounts.put(a.name(), a);
          app.accounts().accountState(a.name()).ifPresent(st -> ledgers.put(a.name(), st.credits()));
          if (app.providerLinks().linkedAccount(a.name()).isPresent()) {
            linked.add(a.name());
          }
        }
        Set<String> commentOnly = commentOnlyWarmUps(where);
        List<Touch> touches = new ArrayList<>();
        Set<Long> doNotContact = new HashSet<>();
        Map<String, Integer> expectedProvider = new HashMap<>();
        Map<String, Integer> expectedWebhook = new HashMap<>();
        Map<String, Integer> expectedSmtp = new HashMap<>();
        Map<Touch.Status, Long> byStatus = new java.util.EnumMap<>(Touch.Status.class);
        for (Prospect p : people) {
          if (p.doNotContact()) {
            doNotContact.add(p.id());
          }
          String url = p.profile().profileUrl().value();
          String person = "ACo" + url.substring(url.lastIndexOf('/') + 1);
          for (Touch t : app.touches().touches(p.id())) {
            touches.add(t);
            byStatus.merge(t.status(), 1L, Long::sum);
            if (t.status() != Touch.Status.DONE) {
              continue;
            }
            if (t.channel() == dev.warmreach.domain.Channel.EMAIL) {
              expectedSmtp.merge(t.idempotencyKey(), 1, Integer::sum);
            } else if (linked.contains(t.senderAccount())) {
              String kind = commentOnly.contains(t.idempotencyKey()) ? "COMMENT_ONLY" : t.channel().name();
              expectedProvider.merge(person + "/" + kind, 1, Integer::sum);
            } else {
              expectedWebhook.merge(t.idempotencyKey(), 1, Integer::sum);
            }
          }
        }
        // A person's comment-only rounds are received when as many of their comments arrived
        // (a first round's comment, riding on its reaction, is not told apart in the log).
        Map<String, Integer> comments = new HashMap<>();
        provider.keySet().stream()
            .filter(key -> key.endsWith("/COMMENTS"))
            .toList()
            .forEach(key -> comments.put(key, provider.remove(key)));
        expectedProvider.forEach(
            (key, k) -> {
              if (key.endsWith("/COMMENT_ONLY")) {
                String person = key.substring(0, key.length() - "/COMMENT_ONLY".length());
                provider.put(key, Math.min(k, comments.getOrDefault(person + "/COMMENTS", 0)));
              }
            });
        Tally p = Tally.of(expectedProvider, provider);
        Map<String, Integer> webhookKeys = new HashMap<>();
        webhook.keySet().forEach(k -> webhookKeys.put(k, 1));
        Tally w = Tally.of(expectedWebhook, webhookKeys);
        Tally m = Tally.of(expectedSmtp, smtp);
        long repeats = webhook.values().stream().mapToLong(n -> n - 1).sum();
        long planned = byStatus.getOrDefault(Touch.Status.PLANNED, 0L);
        long uncertain = byStatus.getOrDefault(Touch.Status.UNCERTAIN, 0L);
        Map<String, Long> broken = LimitAudit.of(touches, accounts, ledgers, doNotContact);
        long exceeded = broken.values().stream().mapToLong(Long::longValue).sum();
        long eventsStored = ChaosCheck.eventsStored(where, eventsSent);

        System.out.printf("prospects            %,d; touches by status %s%n", people.size(), byStatus);
        System.out.printf(
            "%-12s %9s %9s %7s %6s %13s%n",
            "receiver", "expected", "delivered", "twice", "lost", "not recorded");
        p.print("provider");
        w.print("webhook");
        m.print("smtp");
        System.out.printf(
            "webhook repeats      %,d  (same Idempotency-Key again after a crash, dropped by the"
                + " receiver)%n",
            repeats);
        long twice = p.twice + w.twice + m.twice;
        long lost = p.lost + w.lost + m.lost + planned;
        long unrecorded = p.unrecorded + w.unrecorded + m.unrecorded;
        System.out.printf(
            "touches expected     %,d%ndelivered            %,d%ndelivered twice      %,d%n",
            p.expected + w.expected + m.expected,
            p.delivered + w.delivered + m.delivered,
            twice);
        System.out.printf(
            "lost                 %,d  (done but never received, or left planned: %,d)%n",
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
  }

  /** Expected against received counts per key: what arrived, twice, never, or unrecorded. */
  record Tally(long expected, long delivered, long twice, long lost, long unrecorded) {
    static Tally of(Map<String, Integer> expected, Map<String, Integer> received) {
      long exp = expected.values().stream().mapToLong(Integer::longValue).sum();
      long got = 0;
      long twice = 0;
      long lost = 0;
      long unrecorded = 0;
      Set<String> keys = new HashSet<>(expected.keySet());
      keys.addAll(received.keySet());
      for (String key : keys) {
        int e = expected.getOrDefault(key, 0);
        int r = received.getOrDefault(key, 0);
        got += Math.min(e, r);
        if (r > e && e > 0) {
          twice += r - e;
        } else if (r > e) {
          unrecorded += r;
        } else if (e > r) {
          lost += e - r;
        }
      }
      return new Tally(exp, got, twice, lost, unrecorded);
    }

    void print(String receiver) {
      System.out.printf(
          "%-12s %,9d %,9d %,7d %,6d %,13d%n",
          receiver, expected, delivered, twice, lost, unrecorded);
    }
  }
}
