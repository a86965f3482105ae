package dev.warmreach.message;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.BuiltInTemplates;
import dev.warmreach.domain.Author;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.sequence.MessageWriter;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.sequence.TemplateVariant;
import dev.warmreach.testing.Engines;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * For random prospects and histories, no rendered message asserts a fact their history does not
 * hold: with the built-in templates, and with random templates made of statements that each need a
 * fact, written with the right condition, a wrong one or none. Each statement carries the fact it
 * needs, checked here from the history itself. The seed is printed; a failure names it.
 */
class TruthPropertiesTest {

  private static final int CASES = 1_000;
  private static final Instant MARCH = Instant.parse("2026-03-02T09:00:00Z");
  private static final SenderAccount SDR =
      SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneOffset.UTC);

  /** What one random person's history holds, decided first; the state is built from it. */
  private record World(
      boolean posted,
      boolean engaged,
      Event.Signal.Kind signal,
      boolean requestSent,
      Connection connection,
      boolean authored) {

    boolean sawTheirPost() {
      return posted || engaged || signal == Event.Signal.Kind.RELEVANT_POST;
    }
  }

  /** A statement a template can make, the words that show it was sent, and the fact it needs. */
  private record Statement(String text, String mark, String when, Predicate<World> needs) {}

  private static final List<Statement> STATEMENTS =
      List.of(
          new Statement(
              "I enjoyed your recent post on {{postTopic|your work}}.",
              "your recent post",
              "posted",
              World::sawTheirPost),
          new Statement(
              "Thanks for connecting, {{firstName}}!",
              "thanks for connecting",
              "requestAccepted",
              w -> w.requestSent() && w.connection() == Connection.ACCEPTED),
          new Statement(
              "I sent you a connection request last week.",
              "connection request",
              "requestSent",
              World::requestSent),
          new Statement(
              "Following up on my request.", "my request", "requestSent", World::requestSent),
          new Statement(
              "Congratulations on the news: {{signal|your move}}.",
              "congratulations",
              "signal",
              w -> w.signal() != null),
          new Statement(
              "Glad we are now connected.",
              "now connected",
              "requestAccepted",
              w -> w.requestSent() && w.connection() == Connection.ACCEPTED));

  @Test
  void noRenderedMessageAssertsAFactTheHistoryDoesNotHold() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("TruthPropertiesTest seed: " + seed + " (rerun with -Dseed=" + seed + ")");
    Random random = new Random(seed);
    int sent = 0;
    int heldBack = 0;
    for (int i = 0; i < CASES; i++) {
      World world = world(random);
      ProspectState prospect = prospect(i, world, random);
      CampaignMessages.Use randomUse = randomTemplate(random);
      CampaignMessages own =
          CampaignMessages.of(
              List.of(randomUse), world.authored() ? SAM : Author.UNKNOWN, Engines.COACH);
      List<CampaignMessages.Use> uses = new ArrayList<>(BUILT_IN);
      uses.add(randomUse);
      for (CampaignMessages.Use use : uses) {
        CampaignMessages messages = use == randomUse ? own : world.authored() ? SIGNED : UNSIGNED;
        MessageWriter.Written written = messages.write(use.name(), use.channel(), prospect, SDR);
        if (!(written instanceof MessageWriter.Ready ready)) {
          heldBack++;
          continue;
        }
        sent++;
        String text =
            (ready.message().subject() + "\n" + ready.message().body()).toLowerCase(Locale.ROOT);
        String context = "seed " + seed + ", case " + i + ", " + world + ", " + use.name();
        for (Statement statement : STATEMENTS) {
          if (text.contains(statement.mark())) {
            assertThat(statement.needs().test(world))
                .as(context + ": sent '" + text + "'")
                .isTrue();
          }
        }
        if (!world.authored()) {
          assertThat(text).as(context).doesNotContain("thanks,\n").doesNotContain("i work at");
        }
        if (!world.posted()) {
          assertThat(text).as(context).doesNotContain("berlin");
        }
      }
    }
    System.out.println("sent " + sent + ", held back " + heldBack);
    assertThat(sent).as("most messages go out").isGreaterThan(heldBack);
  }

  private static World world(Random random) {
    boolean requestSent = random.nextBoolean();
    Connection connection =
        requestSent
            ? List.of(
                    Connection.PENDING,
                    Connection.ACCEPTED,
                    Connection.DECLINED,
                    Connection.WITHDRAWN)
                .get(random.nextInt(4))
            : random.nextBoolean() ? Connection.ACCEPTED : Connection.NONE;
    Event.Signal.Kind[] kinds = Event.Signal.Kind.values();
    return new World(
        random.nextBoolean(),
        random.nextInt(4) == 0,
        random.nextInt(3) == 0 ? kinds[random.nextInt(kinds.length)] : null,
        requestSent,
        connection,
        random.nextBoolean());
  }

  /**
   * The prospect the engine would see in {@code world}: an old connection is 1st degree at import;
   * a request of ours is known from its touch, or (within one step) only from the history.
   */
  private static ProspectState prospect(int id, World world, Random random) {
    boolean oldConnection = !world.requestSent() && world.connection() == Connection.ACCEPTED;
    ConnectionDegree degree = oldConnection ? ConnectionDegree.FIRST : ConnectionDegree.UNKNOWN;
    ProspectHistory history = ProspectHistory.start(degree).withConnection(world.connection());
    if (world.engaged() && random.nextBoolean()) {
      history = history.withEngagement();
    }
    boolean requestTouchKnown =
        world.requestSent() && (world.connection() != Connection.PENDING || random.nextBoolean());
    ProspectFacts facts =
        new ProspectFacts(
            world.posted() ? new ProspectFacts.Post("moving our SDRs to Berlin", MARCH) : null,
            world.signal() == null
                ? null
                : new ProspectFacts.SignalSeen(
                    world.signal(), random.nextBoolean() ? "" : "started at Orbe", MARCH),
            "",
            world.engaged() && !history.engaged() ? MARCH : null,
            requestTouchKnown ? MARCH : null);
    return new ProspectState(
        id,
        aProspect()
            .named(random.nextBoolean() ? "Maria" : "Jo", "Okafor")
            .workingAt("Kestrel")
            .connected(degree)
            .build(),
        false,
        history,
        facts);
  }

  private static final Author SAM = new Author("Sam Carter", "AE", "Brightline");
  private static final List<CampaignMessages.Use> BUILT_IN = builtIn();
  private static final CampaignMessages SIGNED = CampaignMessages.of(BUILT_IN, SAM, Engines.COACH);
  private static final CampaignMessages UNSIGNED =
      CampaignMessages.of(BUILT_IN, Author.UNKNOWN, Engines.COACH);

  private static List<CampaignMessages.Use> builtIn() {
    Map<String, Channel> channels =
        Map.of(
            "note", Channel.CONNECT,
            "first-dm", Channel.DM,
            "inmail", Channel.INMAIL,
            "email", Channel.EMAIL);
    return channels.entrySet().stream()
        .map(
            e ->
                new CampaignMessages.Use(
                    e.getKey(), e.getValue(), true, BuiltInTemplates.ALL.get(e.getKey())))
        .toList();
  }

  /** A DM template of one to three variants, each one to three statements, some conditioned. */
  private static CampaignMessages.Use randomTemplate(Random random) {
    List<TemplateVariant> variants = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int v = 0; v < count; v++) {
      StringBuilder text = new StringBuilder("Hi {{firstName}}.");
      List<String> conditions = new ArrayList<>();
      for (int s = 0; s < 1 + random.nextInt(3); s++) {
        Statement statement = STATEMENTS.get(random.nextInt(STATEMENTS.size()));
        text.append(' ').append(statement.text());
        switch (random.nextInt(3)) {
          case 0 -> conditions.add(statement.when());
          case 1 -> conditions.add(random.nextBoolean() ? "engaged" : "not connected");
          default -> {}
        }
      }
      variants.add(new TemplateVariant(String.join(" and ", conditions), text.toString()));
    }
    return new CampaignMessages.Use("random", Channel.DM, false, variants);
  }
}
