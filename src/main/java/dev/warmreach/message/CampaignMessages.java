package dev.warmreach.message;

import dev.warmreach.domain.Author;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.sequence.MessageWriter;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.sequence.Step;
import dev.warmreach.sequence.TemplateVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A campaign's templates, parsed for the channels its steps use them on, with their variants and
 * the coach's judgment of each. Writes each touch's text for its prospect from what is known of
 * them: the variant whose condition holds for them, rendered with their values, and judged by the
 * coach as it reads for them (a generic fallback is judged generic). A prospect the text cannot be
 * rendered for, or whose text would state something not true for them, is held back with the
 * reason. Thread-safe; its only state is a cache of judgments.
 */
public final class CampaignMessages implements MessageWriter {

  /**
   * A template as a campaign uses it.
   *
   * @param name the template's name in the campaign, e.g. {@code note}
   * @param channel the channel a step sends it on
   * @param firstMessage for a message: whether it is the first after they accepted
   * @param variants its texts with their conditions; for InMail and email each text starts with the
   *     subject, then a line {@code ---}
   */
  public record Use(
      String name, Channel channel, boolean firstMessage, List<TemplateVariant> variants) {
    public Use {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(channel, "channel");
      variants = List.copyOf(variants);
    }
  }

  /** One variant of one template with the coach's review of it. */
  public record Judged(String template, String variant, Channel channel, Review review) {
    /** Whether the coach found it about the person rather than sendable to anyone. */
    public boolean personalised() {
      return !(review.flags(CoachRule.PERSONALISATION_MISSING)
          || review.flags(CoachRule.NOTE_GENERIC_PHRASE)
          || review.flags(CoachRule.MESSAGE_GENERIC_PHRASE)
          || review.flags(CoachRule.NOTE_BLANK));
    }
  }

  /** The templates a policy uses when it picks another channel than the step's own. */
  private static final Map<String, Channel> FALLBACKS =
      Map.of(
          "note", Channel.CONNECT,
          "first-dm", Channel.DM,
          "inmail", Channel.INMAIL,
          "email", Channel.EMAIL);

  private record Compiled(Use use, Variants variants, Map<String, Judged> judged) {}

  private final Map<String, Compiled> byUse = new LinkedHashMap<>();
  private final Author author;
  private final Coach coach;

  /** The coach's judgment of each text as it reads for a kind of prospect, keyed by that text. */
  private final Map<String, Judged> asRendered = new ConcurrentHashMap<>();

  private CampaignMessages(Author author, Coach coach) {
    this.author = Objects.requireNonNull(author, "author");
    this.coach = coach;
  }

  /**
   * A campaign's templates parsed for the channels its steps send them on, each variant judged by
   * {@code coach}.
   *
   * @throws InvalidTemplate naming the template that could never render
   */
  public static CampaignMessages of(CampaignDefinition definition, Coach coach) {
    return of(uses(definition), definition.author(), coach);
  }

  /**
   * Checks that every template of a campaign parses for the channels its steps send it on, without
   * judging it.
   *
   * @throws InvalidTemplate naming the template that could never render
   */
  public static void check(CampaignDefinition definition) {
    for (Use use : uses(definition)) {
      for (int i = 0; i < use.variants().size(); i++) {
        parse(use, i);
        condition(use, i);
      }
    }
  }

  private static List<Use> uses(CampaignDefinition definition) {
    Map<String, List<TemplateVariant>> templates = definition.templates();
    List<Use> uses = new ArrayList<>();
    boolean firstDm = true;
    for (Step step : definition.sequence().steps()) {
      if (step instanceof Step.Action action
          && action.template() != null
          && templates.containsKey(action.template())) {
        boolean first = action.channel() == Channel.DM && firstDm;
        firstDm &= action.channel() != Channel.DM;
        uses.add(
            new Use(action.template(), action.channel(), first, templates.get(action.template())));
      }
    }
    FALLBACKS.forEach(
        (name, channel) -> {
          if (templates.containsKey(name)) {
            uses.add(new Use(name, channel, true, templates.get(name)));
          }
        });
    return uses;
  }

  /**
   * Parses every variant of every use, and has the coach judge each.
   *
   * @throws InvalidTemplate naming the template and variant when one could never render
   */
  public static CampaignMessages of(List<Use> uses, Author author, Coach coach) {
    CampaignMessages messages = new CampaignMessages(author, Objects.requireNonNull(coach));
    for (Use use : uses) {
      String key = key(use.name(), use.channel());
      if (messages.byUse.containsKey(key) || use.channel() == Channel.ENGAGE) {
        continue;
      }
      List<MessageTemplate> templates = new ArrayList<>();
      List<When> conditions = new ArrayList<>();
      Map<String, Judged> judged = new LinkedHashMap<>();
      for (int i = 0; i < use.variants().size(); i++) {
        String label = Variants.label(i);
        String text = use.variants().get(i).text();
        String subject = TextLimits.hasSubject(use.channel()) ? subjectOf(text) : null;
        String body = TextLimits.hasSubject(use.channel()) ? bodyOf(text) : text;
        templates.add(parse(use, i));
        conditions.add(condition(use, i));
        Review review =
            coach.review(use.channel(), Plan.PREMIUM, subject, body, use.firstMessage());
        judged.put(label, new Judged(use.name(), label, use.channel(), review));
      }
      messages.byUse.put(
          key, new Compiled(use, new Variants(use.name(), templates, conditions), judged));
    }
    return messages;
  }

  private static When condition(Use use, int variant) {
    try {
      return When.parse(use.variants().get(variant).when());
    } catch (InvalidTemplate e) {
      throw new InvalidTemplate(name(use, Variants.label(variant)) + ": " + e.getMessage(), e);
    }
  }

  private static MessageTemplate parse(Use use, int variant) {
    String text = use.variants().get(variant).text();
    String subject = TextLimits.hasSubject(use.channel()) ? subjectOf(text) : null;
    String body = TextLimits.hasSubject(use.channel()) ? bodyOf(text) : text;
    try {
      return MessageTemplate.parse(use.channel(), subject, body);
    } catch (InvalidTemplate e) {
      throw new InvalidTemplate(name(use, Variants.label(variant)) + ": " + e.getMessage(), e);
    }
  }

  /** The coach's review of every variant, in the order the campaign uses them. */
  public List<Judged> reviews() {
    return byUse.values().stream().flatMap(c -> c.judged().values().stream()).toList();
  }

  @Override
  public Written write(
      String template, Channel channel, ProspectState prospect, SenderAccount account) {
    if (channel == Channel.ENGAGE) {
      return new Ready(
          WarmupComment.forTouch(Step.Action.COMMENT.equals(template), prospect, coach));
    }
    Compiled compiled = byUse.get(key(template, channel));
    if (compiled == null) {
      return new HeldBack(
          "the campaign has no "
              + MessageTemplate.describe(channel)
              + " template named '"
              + template
              + "'; add it under templates");
    }
    MessageContext context = context(prospect, account);
    Optional<Variants.Variant> chosen = compiled.variants().choose(context);
    if (chosen.isEmpty()) {
      return new HeldBack(
          "template '"
              + template
              + "' has no variant for this prospect (each has a condition, and none holds for"
              + " them); add a variant without when");
    }
    Variants.Variant variant = chosen.get();
    String which = "template '" + template + "' variant " + variant.label() + ": ";
    Rendering rendering = variant.template().render(context);
    if (rendering instanceof Rendering.HeldBack held) {
      return new HeldBack(which + held.reason());
    }
    Rendering.Rendered rendered = (Rendering.Rendered) rendering;
    Optional<String> untrue = Claim.untrueIn(rendered.subject() + "\n" + rendered.body(), context);
    if (untrue.isPresent()) {
      return new HeldBack(which + untrue.get());
    }
    boolean personal = judgeAsRendered(compiled, variant, context).personalised();
    return new Ready(new Message(variant.label(), rendered.subject(), rendered.body(), personal));
  }

  /**
   * The coach's judgment of {@code variant} as it reads for this prospect: the template with the
   * sections and fallbacks their values choose, and the tags they have a value for kept as tags (so
   * "your team's work" in place of a missing post topic reads as generic). Prospects alike in what
   * they have share one judgment.
   */
  private Judged judgeAsRendered(Compiled compiled, Variants.Variant variant, MessageContext real) {
    String[] shape = variant.template().filled(tagsFor(real));
    String subject = TextLimits.hasSubject(variant.template().channel()) ? shape[0] : null;
    return asRendered.computeIfAbsent(
        compiled.use().name() + "/" + variant.label() + "/" + shape[0] + "\n---\n" + shape[1],
        key ->
            new Judged(
                compiled.use().name(),
                variant.label(),
                variant.template().channel(),
                coach.review(
                    variant.template().channel(),
                    Plan.PREMIUM,
                    subject,
                    shape[1],
                    compiled.use().firstMessage())));
  }

  /** {@code real} with each value it has replaced by its tag, and the missing ones left empty. */
  private static MessageContext tagsFor(MessageContext real) {
    Function<Variable, String> tag = v -> v.valueIn(real).isBlank() ? "" : "{{" + v.key() + "}}";
    MessageContext.Sender s = real.sender();
    MessageContext.History h = real.history();
    return new MessageContext(
        new MessageContext.Recipient(
            real.prospect().id(),
            tag.apply(Variable.FIRST_NAME),
            tag.apply(Variable.LAST_NAME),
            tag.apply(Variable.COMPANY),
            tag.apply(Variable.TITLE),
            tag.apply(Variable.LOCATION)),
        new MessageContext.Sender(
            tag.apply(Variable.SENDER_NAME),
            tag.apply(Variable.SENDER_ROLE),
            tag.apply(Variable.SENDER_COMPANY),
            tag.apply(Variable.ACCOUNT),
            s.plan(),
            s.authored()),
        new MessageContext.History(
            tag.apply(Variable.POST_TOPIC),
            tag.apply(Variable.MUTUAL_CONNECTION),
            tag.apply(Variable.SIGNAL),
            tag.apply(Variable.LAST_TOUCH),
            h.signalKind(),
            h.engaged(),
            h.connection(),
            h.requestSent()));
  }

  /** What a message for {@code prospect} may say: who they are, who writes, what is known. */
  MessageContext context(ProspectState prospect, SenderAccount account) {
    return ProspectContext.of(prospect, account, author);
  }

  private static String name(Use use, String label) {
    return "template '"
        + use.name()
        + "'"
        + (use.variants().size() > 1 ? " variant " + label : "")
        + " ("
        + MessageTemplate.describe(use.channel())
        + ")";
  }

  private static String key(String template, Channel channel) {
    return template + "/" + channel;
  }

  /** The subject: the text's first line when a {@code ---} line follows it, else nothing. */
  static String subjectOf(String text) {
    int separator = text.indexOf("\n---\n");
    return separator < 0 ? "" : text.substring(0, separator);
  }

  static String bodyOf(String text) {
    int separator = text.indexOf("\n---\n");
    return separator < 0 ? text : text.substring(separator + 5);
  }
}
