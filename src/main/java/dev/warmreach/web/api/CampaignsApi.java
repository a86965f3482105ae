package dev.warmreach.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Author;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.forecast.CampaignForecast;
import dev.warmreach.live.AccountSummary;
import dev.warmreach.live.CampaignPlan;
import dev.warmreach.live.CampaignSetup;
import dev.warmreach.live.CoachReport;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.web.http.ForecastRuns;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/campaigns}: create campaigns (the coach checks their templates), launch, pause and
 * resume them, read their funnel and each prospect's next decision with its reasons.
 */
public final class CampaignsApi {

  private final Campaigns campaigns;
  private final SenderAccounts senderAccounts;
  private final Analytics analytics;
  private final Clock clock;
  private final ObjectMapper json;
  private final CampaignSetup setup;
  private final CampaignPlan plan;
  private final CampaignForecast forecast;
  private final ForecastRuns forecasts;

  private final SignalIntake signals;

  public CampaignsApi(
      Campaigns campaigns,
      SenderAccounts senderAccounts,
      Analytics analytics,
      Clock clock,
      ObjectMapper json,
      CampaignSetup setup,
      CampaignPlan plan,
      CampaignForecast forecast,
      ForecastRuns forecasts,
      SignalIntake signals) {
    this.campaigns = campaigns;
    this.signals = signals;
    this.senderAccounts = senderAccounts;
    this.analytics = analytics;
    this.clock = clock;
    this.json = json;
    this.setup = setup;
    this.plan = plan;
    this.forecast = forecast;
    this.forecasts = forecasts;
  }

  public void list(Context ctx) {
    Page page = Page.of(ctx);
    ctx.json(page.of(campaigns.campaigns().stream().map(CampaignsApi::summary).toList()));
  }

  private static Map<String, Object> summary(StoredCampaign c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.campaign().name());
    out.put("policy", c.campaign().policy());
    out.put("status", c.campaign().status().name());
    out.put("accounts", c.campaign().senderAccounts());
    return out;
  }

  public void create(Context ctx) {
    JsonNode body = Requests.json(ctx, json);
    if (!body.isObject()) {
      throw ProblemException.badRequest("send the campaign as a JSON object");
    }
    List<FieldError> errors = new ArrayList<>();
    String name = text(body, "name");
    if (name == null) {
      errors.add(new FieldError("name", "is required: the campaign's name, e.g. q3-founders"));
    } else {
      Campaign.nameProblem(name).ifPresent(why -> errors.add(new FieldError("name", why)));
    }
    List<String> accounts = new ArrayList<>();
    JsonNode list = body.get("accounts");
    if (list == null || !list.isArray() || list.isEmpty()) {
      errors.add(
          new FieldError(
              "accounts",
              "name at least one sender account, e.g. [\"sdr-1\"] (GET /api/accounts)"));
    } else {
      for (int i = 0; i < list.size(); i++) {
        String account = list.get(i).asText();
        if (senderAccounts.account(account).isEmpty()) {
          errors.add(
              new FieldError(
                  "accounts[" + i + "]",
                  "no account named '" + account + "'; add it with POST /api/accounts"));
        }
        accounts.add(account);
      }
    }
    String tag = null;
    String tagText = text(body, "tag");
    if (tagText != null) {
      tag = Tags.normalise(tagText);
      if (tag == null) {
        errors.add(new FieldError("tag", "'" + tagText + "' is not a usable tag"));
      }
    }
    String definition = CampaignFile.defaultJson();
    JsonNode given = body.get("definition");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        errors.add(new FieldError("definition", "must be a campaign definition as a JSON object"));
      } else {
        try {
          definition = CampaignFile.checkJson(json.writeValueAsString(given));
        } catch (UserError e) {
          errors.add(new FieldError("definition", e.getMessage()));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    // The policy asked for, else the one the definition names (checked with it), else playbook.
    String policy =
        text(body, "policy") != null
            ? text(body, "policy")
            : CampaignFile.policy(definition).orElse("playbook");
    try {
      ChannelPolicy.named(policy);
    } catch (UserError | IllegalArgumentException e) {
      errors.add(new FieldError("policy", e.getMessage()));
    }
    JsonNode signalsFlag = body.get("takeSignals");
    boolean takesSignals = signalsFlag != null && signalsFlag.asBoolean(false);
    if (signalsFlag != null && !signalsFlag.isNull() && !signalsFlag.isBoolean()) {
      errors.add(new FieldError("takeSignals", "must be true or false"));
    }
    JsonNode signedBy = body.get("author");
    if (signedBy != null && !signedBy.isNull()) {
      try {
        definition = CampaignFile.withAuthor(definition, author(signedBy));
      } catch (UserError e) {
        errors.add(new FieldError("author", e.getMessage()));
      }
    }
    Boolean timeSensitive = flag(body, "timeSensitive", errors);
    Boolean accountBased = flag(body, "accountBased", errors);
    Boolean followUpsOnDaysOff = flag(body, "followUpsOnDaysOff", errors);
    Boolean commentsNeedApproval = null;
    JsonNode comments = body.get("comments");
    if (comments != null && !comments.isNull()) {
      if (comments.isTextual()
          && (comments.asText().equals("approve") || comments.asText().equals("automatic"))) {
        commentsNeedApproval = comments.asText().equals("approve");
      } else {
        errors.add(new FieldError("comments", "must be \"approve\" or \"automatic\""));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    definition =
        CampaignFile.withSettings(
            definition, timeSensitive, accountBased, commentsNeedApproval, followUpsOnDaysOff);
    CoachReport coach = setup.review(definition);
    if (!coach.errors().isEmpty()) {
      throw ProblemException.invalid(
          coach.errors().stream().map(e -> new FieldError("definition", e)).toList());
    }
    StoredCampaign stored;
    try {
      stored = setup.create(clock.instant(), name, accounts, policy, definition, tag, takesSignals);
    } catch (UserError e) {
      if (e.getMessage().contains("exists already")) {
        throw ProblemException.conflict(e.getMessage());
      }
      throw e;
    }
    if (takesSignals) {
      signals.takeSignalsIn(name);
    }
    CampaignStats stats = analytics.campaignStats(stored.campaign().id());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaign", name);
    out.put("takesSignals", takesSignals);
    out.put("enrolled", stats.enrollments().values().stream().mapToLong(Long::longValue).sum());
    out.put("status", stored.campaign().status().name());
    out.put("coach", coach.json());
    ctx.status(HttpStatus.CREATED).json(out);
  }

  /** A campaign flag given as true or false; {@code null} when not given (the definition's). */
  private static Boolean flag(JsonNode body, String field, List<FieldError> errors) {
    JsonNode given = body.get(field);
    if (given == null || given.isNull()) {
      return null;
    }
    if (!given.isBoolean()) {
      errors.add(new FieldError(field, "must be true or false"));
      return null;
    }
    return given.asBoolean();
  }

  /** "Name, Role, Company", or {@code {"name", "role", "company"}}; a name is required. */
  private static Author author(JsonNode given) {
    if (given.isTextual()) {
      return Author.parse(given.asText());
    }
    if (given.isObject()) {
      Author author =
          new Author(
              given.path("name").asText(""),
              given.path("role").asText(""),
              given.path("company").asText(""));
      if (author.known()) {
        return author;
      }
    }
    throw new UserError(
        "must be \"Name, Role, Company\" or {\"name\": …, \"role\": …, \"company\": …} with a"
            + " name, e.g. \"Sam Carter, Head of Sales, Brightline\"");
  }

  private StoredCampaign find(Context ctx) {
    String name = ctx.pathParam("name");
    return campaigns
        .campaign(name)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "no campaign named '" + name + "'; GET /api/campaigns lists them"));
  }

  /** The funnel, as {@code warmreach campaigns show --json} prints it. */
  public void show(Context ctx) {
    StoredCampaign c = find(ctx);
    CampaignStats stats = analytics.campaignStats(c.campaign().id());
    Instant now = clock.instant();
    Map<String, Object> accounts = new LinkedHashMap<>();
    for (String account : c.campaign().senderAccounts()) {
      senderAccounts
          .accountState(account)
          .ifPresent(s -> accounts.put(account, AccountSummary.of(s, now)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", c.campaign().name());
    out.put("status", c.campaign().status().name());
    out.put("policy", c.campaign().policy());
    out.put("enrollments", stats.enrollments());
    out.put("sent", stats.touches());
    out.put("planned", stats.planned());
    out.put("events", stats.events());
    out.put("replies", stats.replies());
    out.put("variants", stats.variants());
    out.put("accounts", accounts);
    out.put("decisions", analytics.decisions(c.campaign().id(), null, 8));
    ctx.json(out);
  }

  /** Each prospect's next decision with its reasons, as {@code warmreach plan --json}. */
  public void plan(Context ctx) {
    StoredCampaign c = find(ctx);
    Page page = Page.of(ctx);
    Long only = null;
    String prospect = ctx.queryParam("prospect");
    if (prospect != null && !prospect.isBlank()) {
      try {
        only = Long.parseLong(prospect.strip());
      } catch (NumberFormatException e) {
        throw ProblemException.invalid("prospect", "'" + prospect + "' is not a prospect number");
      }
    }
    // A page at a time from the database, in prospect order as the dashboard's plan.
    long id = c.campaign().id();
    List<Enrollment> enrollments;
    long total;
    if (only == null) {
      total = campaigns.countEnrollments(id);
      enrollments = campaigns.enrollments(id, page.limit(), page.offset());
    } else {
      List<Enrollment> theirs =
          campaigns.enrollmentsOf(only).stream().filter(e -> e.campaignId() == id).toList();
      if (theirs.isEmpty()) {
        throw ProblemException.invalid(
            "prospect", "prospect #" + only + " is not in campaign '" + c.campaign().name() + "'");
      }
      total = theirs.size();
      int from = Math.min(page.offset(), theirs.size());
      enrollments = theirs.subList(from, (int) Math.min((long) from + page.limit(), theirs.size()));
    }
    Instant now = clock.instant();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CampaignPlan.Row r : plan.rows(enrollments, now)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("prospect", r.prospect());
      row.put("name", r.name());
      row.put("account", r.account());
      row.put("step", r.step());
      row.put("status", r.status());
      row.put("due", r.due());
      row.put("decision", r.decision());
      row.put("reasons", r.reasons());
      row.put("nextMessage", r.nextMessage());
      row.put("path", r.path());
      rows.add(row);
    }
    ctx.json(page.body(rows, total));
  }

  /**
   * Forecasts the campaign on the simulated network: its definition, accounts and prospects, for
   * {@code weeks} (default 12), with an optional other {@code policy} and {@code seed}, within the
   * server's forecast limits ({@link ForecastRuns}).
   */
  public void forecast(Context ctx) {
    StoredCampaign c = find(ctx);
    JsonNode body = ctx.body().isBlank() ? json.createObjectNode() : Requests.json(ctx, json);
    if (!body.isObject()) {
      throw ProblemException.badRequest("the body must be a JSON object, or empty");
    }
    int weeks = whole(body, "weeks", 12, 1, 104);
    long seed = whole(body, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    String policy = text(body, "policy");
    if (policy != null) {
      try {
        ChannelPolicy.named(policy);
      } catch (UserError | IllegalArgumentException e) {
        throw ProblemException.invalid("policy", e.getMessage());
      }
    }
    Instant start = clock.instant();
    ctx.json(
        forecasts.run(ctx, () -> forecast.run(c, start, weeks, seed, policy, forecasts.limits())));
  }

  private static int whole(JsonNode body, String field, int fallback, int min, int max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
    int n = value.asInt();
    if (n < min || n > max) {
      throw ProblemException.invalid(field, n + " must be from " + min + " to " + max);
    }
    return n;
  }

  public void launch(Context ctx) {
    changeStatus(ctx, Campaign.Status.ACTIVE);
  }

  public void pause(Context ctx) {
    changeStatus(ctx, Campaign.Status.PAUSED);
  }

  public void resume(Context ctx) {
    changeStatus(ctx, Campaign.Status.ACTIVE);
  }

  private void changeStatus(Context ctx, Campaign.Status target) {
    StoredCampaign c = find(ctx);
    CoachReport coach = setup.review(c.definition());
    if (target == Campaign.Status.ACTIVE && !coach.errors().isEmpty()) {
      throw ProblemException.invalid(
          coach.errors().stream().map(e -> new FieldError("definition", e)).toList());
    }
    setup.changeStatus(c, target, clock.instant());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaign", c.campaign().name());
    out.put("status", target.name());
    out.put("coach", coach.json());
    ctx.json(out);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
