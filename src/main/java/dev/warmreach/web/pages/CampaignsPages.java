package dev.warmreach.web.pages;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.UserError;
import dev.warmreach.forecast.CampaignForecast;
import dev.warmreach.live.CampaignPlan;
import dev.warmreach.live.CampaignSetup;
import dev.warmreach.live.CoachReport;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.web.http.ForecastRuns;
import dev.warmreach.web.http.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Campaigns: the list, the new-campaign form with the coach's live feedback on each template, and
 * each campaign's page (status and actions, funnel, plan per prospect, forecast). Uses the same use
 * cases as the CLI and the HTTP API ({@link CampaignSetup}, {@link CampaignPlan}, {@link
 * CampaignForecast}).
 */
public final class CampaignsPages {

  /** One campaign in the list, with its enrollments by status. */
  public record ListRow(
      String name,
      String path,
      Campaign.Status status,
      String policy,
      List<String> accounts,
      long enrolled,
      long active,
      long replied) {}

  private final Campaigns campaigns;
  private final SenderAccounts senderAccounts;
  private final Analytics analytics;
  private final Clock clock;
  private final CampaignSetup setup;
  private final CampaignPlan campaignPlan;
  private final CampaignForecast forecast;
  private final CampaignCoach coach;
  private final Views views;
  private final ForecastRuns forecasts;
  private final Map<String, List<Map<String, Object>>> coachReports = new ConcurrentHashMap<>();

  public CampaignsPages(
      Campaigns campaigns,
      SenderAccounts senderAccounts,
      Analytics analytics,
      Clock clock,
      CampaignSetup setup,
      CampaignPlan campaignPlan,
      CampaignForecast forecast,
      ForecastRuns forecasts,
      CampaignCoach coach,
      Views views) {
    this.campaigns = campaigns;
    this.senderAccounts = senderAccounts;
    this.analytics = analytics;
    this.clock = clock;
    this.setup = setup;
    this.campaignPlan = campaignPlan;
    this.forecast = forecast;
    this.forecasts = forecasts;
    this.coach = coach;
    this.views = views;
  }

  /** {@code GET /campaigns}: every campaign with its figures. */
  public void show(Context ctx) {
    List<ListRow> rows = new ArrayList<>();
    Map<Long, Map<String, Long>> counts = analytics.enrollmentCounts();
    for (StoredCampaign c : campaigns.campaigns()) {
      Map<String, Long> enrollments = counts.getOrDefault(c.campaign().id(), Map.of());
      rows.add(
          new ListRow(
              c.campaign().name(),
              CampaignPage.pathOf(c.campaign().name()),
              c.campaign().status(),
              c.campaign().policy(),
              c.campaign().senderAccounts(),
              sum(enrollments),
              enrollments.getOrDefault("ACTIVE", 0L),
              enrollments.getOrDefault("REPLIED", 0L)));
    }
    views.page(ctx, "campaigns/campaigns.jte", chrome(ctx, "Campaigns"), rows);
  }

  /** {@code GET /campaigns/new}: the form, with the built-in templates and the coach's review. */
  public void newForm(Context ctx) {
    views.page(
        ctx,
        "campaigns/new.jte",
        chrome(ctx, "New campaign"),
        CampaignForm.blank(senderAccounts, coach));
  }

  /**
   * {@code POST /campaigns}: creates the campaign as a draft and enrolls its prospects, or shows
   * the form again with what to fix; nothing is stored then.
   */
  public void create(Context ctx) {
    CampaignForm form = CampaignForm.read(ctx, campaigns, senderAccounts, coach);
    if (form.hasProblems()) {
      refuse(ctx, form);
      return;
    }
    String definition = form.definition();
    CoachReport coach = setup.review(definition);
    if (!coach.errors().isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add(
          "The coach found "
              + coach.errors().size()
              + (coach.errors().size() == 1 ? " error" : " errors")
              + " that would stop these messages being sent; fix the templates below.");
      reasons.addAll(coach.errors());
      refuse(ctx, form.refusedFor(reasons));
      return;
    }
    try {
      setup.create(
          clock.instant(),
          form.name(),
          form.accounts(),
          form.policy(),
          definition,
          form.storedTag());
    } catch (UserError e) {
      refuse(ctx, form.refusedFor(List.of(e.getMessage())));
      return;
    }
    ctx.redirect(CampaignPage.pathOf(form.name()) + "?created=1", HttpStatus.SEE_OTHER);
  }

  private void refuse(Context ctx, CampaignForm form) {
    views.page(ctx, "campaigns/new.jte", chrome(ctx, "New campaign"), form);
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
  }

  /**
   * {@code POST /campaigns/coach}: the coach's score, findings and a sample rendering of one
   * template ({@code template} names it; its text comes in the field of that name, its subject in
   * {@code <template>.subject}).
   */
  public void coach(Context ctx) {
    String template = ctx.formParam("template");
    CampaignSteps.Step step =
        CampaignSteps.named(template == null ? "" : template)
            .orElseThrow(
                () ->
                    new io.javalin.http.BadRequestResponse(
                        "template must be one of note, first-dm, inmail, email"));
    String body = ctx.formParam(step.template());
    CampaignCoach.Result result =
        coach.review(
            step,
            ctx.formParam(step.subjectField()),
            body == null ? "" : body.replace("\r\n", "\n"));
    views.render(ctx, "campaigns/coach.jte", Map.of("result", result));
  }

  /** {@code GET /campaigns/{name}}: the campaign page, its plan paged by {@code ?page=}. */
  public void campaign(Context ctx) {
    StoredCampaign c = find(ctx);
    String notice =
        ctx.queryParam("created") == null
            ? null
            : "Created as a draft: nothing is sent until you launch it.";
    views.page(
        ctx,
        "campaigns/campaign.jte",
        chrome(ctx, c.campaign().name()),
        page(c, pageNumber(ctx), notice, null));
  }

  /** {@code GET /campaigns/{name}/plan?page=}: one page of the plan, swapped into the page. */
  public void plan(Context ctx) {
    StoredCampaign c = find(ctx);
    Map<String, Object> params = new HashMap<>();
    params.put("model", planPage(c, pageNumber(ctx)));
    views.render(ctx, "campaigns/plan.jte", params);
  }

  public void launch(Context ctx) {
    changeStatus(ctx, Campaign.Status.DRAFT, Campaign.Status.ACTIVE, "Launched");
  }

  public void pause(Context ctx) {
    changeStatus(ctx, Campaign.Status.ACTIVE, Campaign.Status.PAUSED, "Paused");
  }

  public void resume(Context ctx) {
    changeStatus(ctx, Campaign.Status.PAUSED, Campaign.Status.ACTIVE, "Resumed");
  }

  private void changeStatus(Context ctx, Campaign.Status from, Campaign.Status to, String done) {
    StoredCampaign c = find(ctx);
    String notice = null;
    String problem = null;
    if (c.campaign().status() != from) {
      problem =
          "The campaign is "
              + c.campaign().status().name().toLowerCase(java.util.Locale.ROOT)
              + ", so it cannot be "
              + done.toLowerCase(java.util.Locale.ROOT)
              + "; use the buttons shown.";
    } else {
      try {
        setup.changeStatus(c, to, clock.instant());
        notice = done + ".";
      } catch (UserError e) {
        problem = e.getMessage();
      }
    }
    StoredCampaign now = CampaignSetup.find(campaigns, c.campaign().name());
    if (!Views.fromHtmx(ctx)) {
      if (problem != null) {
        views.page(
            ctx,
            "campaigns/campaign.jte",
            chrome(ctx, now.campaign().name()),
            page(now, 1, null, problem));
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        return;
      }
      ctx.redirect(CampaignPage.pathOf(now.campaign().name()), HttpStatus.SEE_OTHER);
      return;
    }
    Map<String, Object> params = new HashMap<>();
    params.put("chrome", chrome(ctx, now.campaign().name()));
    params.put(
        "model",
        new CampaignPage(
            now, 0, Map.of(), List.of(), List.of(), List.of(), List.of(), 1, 1, notice, problem));
    views.render(ctx, "campaigns/status.jte", params);
  }

  /**
   * {@code POST /campaigns/{name}/forecast}: the simulator on the campaign's own prospects and
   * accounts for 12 weeks, within the server's forecast limits; nothing is stored.
   */
  public void forecast(Context ctx) {
    StoredCampaign c = find(ctx);
    Map<String, Object> params = new HashMap<>();
    try {
      Instant start = clock.instant();
      params.put(
          "funnel",
          CampaignFunnel.of(
              forecasts.run(ctx, () -> forecast.run(c, start, 12, 1, null, forecasts.limits()))));
      params.put("problem", null);
    } catch (UserError e) {
      params.put("funnel", null);
      params.put("problem", e.getMessage());
    } catch (ProblemException e) {
      params.put("funnel", null);
      params.put("problem", e.problem().detail());
    }
    views.render(ctx, "campaigns/forecast.jte", params);
  }

  private CampaignPage page(StoredCampaign c, int page, String notice, String problem) {
    CampaignStats stats = analytics.campaignStats(c.campaign().id());
    long enrolled = sum(stats.enrollments());
    return new CampaignPage(
        c,
        enrolled,
        stats.enrollments(),
        CampaignPage.figures(stats),
        stats.variants(),
        coachReport(c),
        List.of(),
        Math.min(page, pages(enrolled)),
        pages(enrolled),
        notice,
        problem);
  }

  /** One page of the plan: 50 enrollments, each previewed by the engine. */
  private CampaignPage planPage(StoredCampaign c, int page) {
    long enrolled = campaigns.countEnrollments(c.campaign().id());
    int shown = Math.min(page, pages(enrolled));
    List<CampaignPlan.Row> plan =
        campaignPlan.rows(
            campaigns.enrollments(
                c.campaign().id(), CampaignPage.PLAN_PAGE, (shown - 1) * CampaignPage.PLAN_PAGE),
            clock.instant());
    return new CampaignPage(
        c,
        enrolled,
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        plan,
        shown,
        pages(enrolled),
        null,
        null);
  }

  private static int pages(long enrolled) {
    return (int) Math.max(1, (enrolled + CampaignPage.PLAN_PAGE - 1) / CampaignPage.PLAN_PAGE);
  }

  /** The coach's report on a definition, which never changes once stored. */
  private List<Map<String, Object>> coachReport(StoredCampaign c) {
    return coachReports.computeIfAbsent(
        c.definition(), definition -> setup.review(definition).json());
  }

  private StoredCampaign find(Context ctx) {
    String name = ctx.pathParam("name");
    return campaigns
        .campaign(name)
        .orElseThrow(() -> new NotFoundResponse("There is no campaign named '" + name + "'."));
  }

  private static int pageNumber(Context ctx) {
    String value = ctx.queryParam("page");
    try {
      return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private Chrome chrome(Context ctx, String title) {
    return views.chrome(ctx, title, Chrome.Section.CAMPAIGNS);
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
