package dev.warmreach.web.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warmreach.domain.Author;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.message.InvalidTemplate;
import dev.warmreach.message.MessageTemplate;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.SenderAccounts;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new-campaign form as filled in: its values, each field's problem, and the coach's review of
 * each template. Checks everything a user can get wrong before anything is stored.
 */
public record CampaignForm(
    String name,
    List<String> accounts,
    String tag,
    String policy,
    String author,
    boolean timeSensitive,
    boolean accountBased,
    boolean commentsAutomatic,
    Map<String, String> subjects,
    Map<String, String> bodies,
    Map<String, String> problems,
    List<String> refusals,
    List<String> knownAccounts,
    List<CampaignCoach.Result> coach) {

  /** Policies as the form offers them. */
  public static final List<String> POLICIES = ChannelPolicy.NAMES;

  public CampaignForm {
    accounts = List.copyOf(accounts);
    subjects = Map.copyOf(subjects);
    bodies = Map.copyOf(bodies);
    problems = Map.copyOf(problems);
    refusals = List.copyOf(refusals);
    knownAccounts = List.copyOf(knownAccounts);
    coach = List.copyOf(coach);
  }

  /** An empty form with the built-in templates; every account is ticked when there is one. */
  static CampaignForm blank(SenderAccounts accounts, CampaignCoach coach) {
    List<String> known = knownAccounts(accounts);
    Map<String, String> subjects = new LinkedHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    for (CampaignSteps.Step step : CampaignSteps.ALL) {
      subjects.put(step.template(), step.defaultSubject());
      bodies.put(step.template(), step.defaultBody());
    }
    return new CampaignForm(
        "",
        known.size() == 1 ? known : List.of(),
        "",
        "playbook",
        "",
        false,
        false,
        false,
        subjects,
        bodies,
        Map.of(),
        List.of(),
        known,
        review(coach, subjects, bodies));
  }

  /** The form as posted, with each field checked and each template reviewed. */
  static CampaignForm read(
      Context ctx, Campaigns campaigns, SenderAccounts senderAccounts, CampaignCoach coach) {
    String name = value(ctx, "name");
    List<String> accounts = ctx.formParams("accounts").stream().filter(a -> !a.isBlank()).toList();
    String tag = value(ctx, "tag");
    String policy = value(ctx, "policy").isEmpty() ? "playbook" : value(ctx, "policy");
    String author = value(ctx, "author");
    boolean timeSensitive = ticked(ctx, "timeSensitive");
    boolean accountBased = ticked(ctx, "accountBased");
    boolean commentsAutomatic = ticked(ctx, "commentsAutomatic");
    Map<String, String> subjects = new LinkedHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    for (CampaignSteps.Step step : CampaignSteps.ALL) {
      subjects.put(step.template(), value(ctx, step.subjectField()));
      String body = ctx.formParam(step.template());
      bodies.put(step.template(), body == null ? "" : body.replace("\r\n", "\n"));
    }
    Map<String, String> problems = new LinkedHashMap<>();
    if (name.isEmpty()) {
      problems.put("name", "Give the campaign a name, e.g. q3-founders.");
    } else if (name.equals("new") || name.equals("coach") || name.contains("/")) {
      problems.put("name", "'" + name + "' cannot be a campaign's name here; choose another.");
    } else if (campaigns.campaign(name).isPresent()) {
      problems.put("name", "A campaign named '" + name + "' exists already; choose another name.");
    }
    List<String> known = knownAccounts(senderAccounts);
    if (known.isEmpty()) {
      problems.put("accounts", "There are no sender accounts yet; add one on the Accounts page.");
    } else if (accounts.isEmpty()) {
      problems.put("accounts", "Tick at least one sender account to send from.");
    } else {
      for (String account : accounts) {
        if (!known.contains(account)) {
          problems.put("accounts", "There is no account named '" + account + "'; tick another.");
        }
      }
    }
    if (!POLICIES.contains(policy)) {
      problems.put("policy", "Choose one of " + String.join(", ", POLICIES) + ".");
    }
    if (!tag.isEmpty() && Tags.normalise(tag) == null) {
      problems.put(
          "tag",
          "'" + tag + "' is not a tag; use letters, digits and dashes, or leave it empty for all.");
    }
    if (!author.isEmpty()) {
      try {
        Author.parse(author);
      } catch (UserError e) {
        problems.put("author", e.getMessage() + ".");
      }
    }
    for (CampaignSteps.Step step : CampaignSteps.ALL) {
      try {
        MessageTemplate.parse(
            step.channel(),
            step.hasSubject() ? subjects.get(step.template()) : null,
            bodies.get(step.template()));
      } catch (InvalidTemplate e) {
        problems.put(step.template(), step.label() + ": " + e.getMessage() + ".");
      }
    }
    return new CampaignForm(
        name,
        accounts,
        tag,
        policy,
        author,
        timeSensitive,
        accountBased,
        commentsAutomatic,
        subjects,
        bodies,
        problems,
        List.of(),
        known,
        review(coach, subjects, bodies));
  }

  /** This form with reasons the whole campaign was refused (coach errors, no prospects). */
  CampaignForm refusedFor(List<String> reasons) {
    return new CampaignForm(
        name,
        accounts,
        tag,
        policy,
        author,
        timeSensitive,
        accountBased,
        commentsAutomatic,
        subjects,
        bodies,
        problems,
        reasons,
        knownAccounts,
        coach);
  }

  /** The tag to enroll by, as stored; {@code null} for everyone. */
  String storedTag() {
    return tag.isEmpty() ? null : Tags.normalise(tag);
  }

  /**
   * The campaign definition: the combined sequence with these templates and author, as stored JSON.
   * A template left as it was keeps all its built-in variants, each for the people it is true of.
   */
  String definition() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("sequence", "combined");
    if (!author.isEmpty()) {
      Author signed = Author.parse(author);
      ObjectNode a = root.putObject("author");
      a.put("name", signed.name());
      a.put("role", signed.role());
      a.put("company", signed.company());
    }
    ObjectNode settings = root.putObject("settings");
    settings.put("timeSensitive", timeSensitive);
    settings.put("accountBased", accountBased);
    settings.put("comments", commentsAutomatic ? "automatic" : "approve");
    ObjectNode templates = root.putObject("templates");
    for (CampaignSteps.Step step : CampaignSteps.ALL) {
      if (step.defaultBody().strip().equals(bodies.get(step.template()).strip())
          && step.defaultSubject().strip().equals(subjects.get(step.template()).strip())) {
        continue;
      }
      if (step.hasSubject()) {
        ObjectNode t = templates.putObject(step.template());
        t.put("subject", subjects.get(step.template()));
        t.put("body", bodies.get(step.template()));
      } else {
        templates.put(step.template(), bodies.get(step.template()));
      }
    }
    return root.toString();
  }

  public String subject(CampaignSteps.Step step) {
    return subjects.getOrDefault(step.template(), "");
  }

  public String body(CampaignSteps.Step step) {
    return bodies.getOrDefault(step.template(), "");
  }

  public CampaignCoach.Result coachOf(CampaignSteps.Step step) {
    return coach.stream()
        .filter(r -> r.step().equals(step))
        .findFirst()
        .orElseThrow(() -> new UserError("no template " + step.template()));
  }

  public String problem(String field) {
    return problems.get(field);
  }

  public boolean hasProblems() {
    return !problems.isEmpty() || !refusals.isEmpty();
  }

  private static List<CampaignCoach.Result> review(
      CampaignCoach coach, Map<String, String> subjects, Map<String, String> bodies) {
    List<CampaignCoach.Result> results = new ArrayList<>();
    for (CampaignSteps.Step step : CampaignSteps.ALL) {
      results.add(coach.review(step, subjects.get(step.template()), bodies.get(step.template())));
    }
    return results;
  }

  private static List<String> knownAccounts(SenderAccounts accounts) {
    return accounts.accounts().stream().map(a -> a.name()).toList();
  }

  private static String value(Context ctx, String field) {
    String value = ctx.formParam(field);
    return value == null ? "" : value.strip();
  }

  /** A checkbox: sent (as "on", or any value) when ticked, absent when not. */
  private static boolean ticked(Context ctx, String field) {
    String given = ctx.formParam(field);
    return given != null && !given.isBlank() && !given.equals("false");
  }
}
