package dev.warmreach.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.simulation.Scenario;
import dev.warmreach.simulation.Truth;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a forecast scenario (SPEC §6) from JSON or YAML. Every problem is a user error naming the
 * file and the field, e.g. {@code segments[1].truth.acceptNote must be a probability from 0 to 1}.
 */
public final class ScenarioFile {

  /** Forecasts are bounded so that a typo cannot start a run for days. */
  static final int MAX_PROSPECTS = 2_000_000;

  static final int MAX_WEEKS = 104;

  // The fields each object of a scenario may hold (SPEC §6); any other is refused as a typo.
  private static final List<String> SCENARIO =
      List.of("seed", "start", "weeks", "policy", "accounts", "segments", "campaign");
  private static final List<String> ACCOUNT =
      List.of("id", "plan", "timezone", "hours", "weeklyInvitations", "inmailCredits", "new");
  private static final List<String> SEGMENT = List.of("name", "count", "prospect", "truth");
  private static final List<String> PROSPECT =
      List.of(
          "title",
          "activity",
          "hasEmail",
          "highValue",
          "openProfile",
          "degree",
          "doNotContact",
          "tags");
  private static final List<String> TRUTH =
      List.of(
          "acceptBlank",
          "acceptNote",
          "warmMultiplier",
          "dmReply",
          "inmailReply",
          "inmailReplyGeneric",
          "emailReply",
          "declineShare",
          "medianAcceptDays",
          "postsPerWeek",
          "noteReply",
          "medianReplyDays",
          "signalsPerMonth",
          "signalLift",
          "signalWindowDays");

  private ScenarioFile() {}

  public static Scenario read(Path path) {
    JsonNode root = CampaignFile.parse(path);
    try {
      return scenario(new Node(root, ""), path);
    } catch (InvalidDefinition e) {
      throw new UserError(path + ": " + e.getMessage() + " (see docs/forecast.md)", e);
    }
  }

  private static Scenario scenario(Node root, Path path) {
    if (!root.raw().isObject()) {
      throw root.invalid("a scenario should be an object with accounts and segments");
    }
    root.onlyFields(SCENARIO);
    long seed = (long) root.number("seed", 1);
    Instant start = start(root);
    int weeks = root.integer("weeks", 12, 1, MAX_WEEKS);
    String policy = root.text("policy", "playbook");
    if (!ChannelPolicy.FORECAST_NAMES.contains(policy)) {
      throw root.get("policy")
          .invalid(
              "'"
                  + policy
                  + "' is not a policy; use "
                  + String.join(", ", ChannelPolicy.FORECAST_NAMES));
    }
    List<Scenario.Account> accounts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Node account : root.list("accounts")) {
      Scenario.Account read = account(account);
      if (!ids.add(read.account().name())) {
        throw account.get("id").invalid("the id '" + read.account().name() + "' is used twice");
      }
      accounts.add(read);
    }
    if (accounts.isEmpty()) {
      throw root.invalid("accounts", "needs at least one account");
    }
    List<Scenario.Segment> segments = new ArrayList<>();
    long total = 0;
    for (Node segment : root.list("segments")) {
      Scenario.Segment read = segment(segment);
      total += read.count();
      segments.add(read);
    }
    if (segments.isEmpty()) {
      throw root.invalid("segments", "needs at least one segment");
    }
    if (total > MAX_PROSPECTS) {
      throw root.invalid("segments", "hold " + total + " prospects; at most " + MAX_PROSPECTS);
    }
    CampaignDefinition campaign = CampaignFile.defaults();
    if (root.has("campaign")) {
      Node given = root.get("campaign");
      if (given.raw().isTextual()) {
        Path file = path.toAbsolutePath().getParent().resolve(given.text());
        campaign = CampaignFile.read(file);
      } else {
        campaign = CampaignFile.fromNode(given);
      }
    }
    return new Scenario(seed, start, weeks, policy, accounts, segments, campaign);
  }

  private static Instant start(Node root) {
    if (!root.has("start")) {
      return Instant.parse("2026-01-05T08:00:00Z");
    }
    Node start = root.get("start");
    try {
      return Instant.parse(start.text());
    } catch (DateTimeException e) {
      throw start.invalid(
          "'" + start.text() + "' is not an instant; write it like 2026-01-05T08:00:00Z");
    }
  }

  private static Scenario.Account account(Node node) {
    if (!node.raw().isObject()) {
      throw node.invalid("an account should be an object with id and plan");
    }
    node.onlyFields(ACCOUNT);
    String id = node.get("id").text();
    if (!SenderAccount.isValidName(id)) {
      throw node.get("id").invalid("'" + id + "' should be letters, digits, '.', '_' or '-'");
    }
    Plan plan = node.get("plan").choice(Plan.class);
    ZoneId zone;
    try {
      zone = ZoneId.of(node.text("timezone", "UTC"));
    } catch (DateTimeException e) {
      throw node.get("timezone")
          .invalid(
              "'" + node.text("timezone", "") + "' is not a time zone; use e.g. Europe/Berlin");
    }
    WorkingHours hours = WorkingHours.OFFICE;
    if (node.has("hours")) {
      try {
        hours = WorkingHours.parse(node.get("hours").text());
      } catch (IllegalArgumentException e) {
        throw node.get("hours").invalid(e.getMessage());
      }
    }
    int weekly = node.integer("weeklyInvitations", plan.weeklyInvitations(), 0, 1000);
    int credits = node.integer("inmailCredits", plan.monthlyInmailCredits(), 0, 1000);
    if (credits > 0 && !plan.canSendInmail()) {
      throw node.get("inmailCredits").invalid("a FREE account has no InMail credits");
    }
    return new Scenario.Account(
        new SenderAccount(id, plan, weekly, credits, zone, hours), node.bool("new", false));
  }

  private static Scenario.Segment segment(Node node) {
    if (!node.raw().isObject()) {
      throw node.invalid("a segment should be an object with name and count");
    }
    node.onlyFields(SEGMENT);
    String name = node.get("name").text();
    int count = node.integer("count", 0, 1, MAX_PROSPECTS);
    if (!node.has("count")) {
      throw node.invalid("count", "is missing; say how many prospects the segment holds");
    }
    Node shape =
        node.has("prospect")
            ? node.object("prospect")
            : new Node(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                node.path() + ".prospect");
    shape.onlyFields(PROSPECT);
    ActivityLevel activity =
        shape.has("activity")
            ? shape.get("activity").choice(ActivityLevel.class)
            : ActivityLevel.MEDIUM;
    ConnectionDegree degree =
        shape.has("degree")
            ? ConnectionDegree.parse(shape.get("degree").text())
                .orElseGet(() -> shape.get("degree").choice(ConnectionDegree.class))
            : ConnectionDegree.SECOND;
    double dnc = shape.number("doNotContact", 0);
    if (dnc < 0 || dnc > 1) {
      throw shape.get("doNotContact").invalid("should be a share from 0 to 1");
    }
    Set<String> tags = new TreeSet<>();
    if (shape.has("tags")) {
      for (Node tag : shape.get("tags").items()) {
        String canonical = Tags.normalise(tag.text());
        if (canonical == null) {
          throw tag.invalid(
              "'" + tag.text() + "' is not a tag: letters, digits and . _ : / - , up to 40");
        }
        tags.add(canonical);
      }
    }
    Scenario.ProspectShape prospect =
        new Scenario.ProspectShape(
            shape.text("title", ""),
            activity,
            shape.bool("hasEmail", false),
            shape.bool("highValue", false),
            shape.bool("openProfile", false),
            degree,
            dnc,
            tags);
    return new Scenario.Segment(name, count, prospect, truth(node));
  }

  private static Truth truth(Node segment) {
    if (!segment.has("truth")) {
      return Truth.DEFAULT;
    }
    Node t = segment.object("truth").onlyFields(TRUTH);
    Truth d = Truth.DEFAULT;
    try {
      return new Truth(
          t.number("acceptBlank", d.acceptBlank()),
          t.number("acceptNote", d.acceptNote()),
          t.number("warmMultiplier", d.warmMultiplier()),
          t.number("dmReply", d.dmReply()),
          t.number("inmailReply", d.inmailReply()),
          t.number("inmailReplyGeneric", d.inmailReplyGeneric()),
          t.number("emailReply", d.emailReply()),
          t.number("declineShare", d.declineShare()),
          t.number("medianAcceptDays", d.medianAcceptDays()),
          t.number("postsPerWeek", d.postsPerWeek()),
          t.number("noteReply", d.noteReply()),
          t.number("medianReplyDays", d.medianReplyDays()),
          t.number("signalsPerMonth", d.signalsPerMonth()),
          t.number("signalLift", d.signalLift()),
          t.number("signalWindowDays", d.signalWindowDays()));
    } catch (InvalidDefinition e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw t.invalid(e.getMessage());
    }
  }
}
