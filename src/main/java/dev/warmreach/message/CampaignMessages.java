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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign's templates, parsed for the channels its steps use them on, with their A/B variants
 * and the coach's judgment of each. Writes each touch's text for its prospect; a prospect the text
 * cannot be rendered for is held back with the reason. Immutable and thread-safe.
 */
public final class CampaignMessages implements MessageWriter {

  /**
   * A template as a campaign uses it.
   *
   * @param name the template's name in the campaign, e.g. {@code note}
   * @param channel the channel a step sends it on
   * @param firstMessage for a message: whether it is the first after they accepted
   * @param variants its texts; for InMail and email each starts with the subject, then a line
   *     {@code ---}
   */
  public record Use(String name, Channel channel, boolean firstMessage, List<String> variants) {
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

  private record Compiled(Variants variants, Map<String, Judged> judged) {}

  private final Map<String, Compiled> byUse = new LinkedHashMap<>();
  private final Author author;

  private CampaignMessages(Author author) {
    this.author = Objects.requireNonNull(author, "author");
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
      }
    }
  }

  private static List<Use> uses(CampaignDefinition definition) {
    Map<String, List<String>> templates = definition.templates();
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
    CampaignMessages messages = new CampaignMessages(author);
    for (Use use : uses) {
      String key = key(use.name(), use.channel());
      if (messages.byUse.containsKey(key) || use.channel() == Channel.ENGAGE) {
        continue;
      }
      List<MessageTemplate> templates = new ArrayList<>();
      Map<String, Judged> judged = new LinkedHashMap<>();
      for (int i = 0; i < use.variants().size(); i++) {
        String label = Variants.label(i);
        String text = use.variants().get(i);
        String subject = TextLimits.hasSubject(use.channel()) ? subjectOf(text) : null;
        String body = TextLimits.hasSubject(use.channel()) ? bodyOf(text) : text;
        templates.add(parse(use, i));
        Review review =
            coach.review(use.channel(), Plan.PREMIUM, subject, body, use.firstMessage());
        judged.put(label, new Judged(use.name(), label, use.channel(), review));
      }
      messages.byUse.put(key, new Compiled(new Variants(use.name(), templates), judged));
    }
    return messages;
  }

  private static MessageTemplate parse(Use use, int variant) {
    String text = use.variants().get(variant);
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
    Compiled compiled = byUse.get(key(template, channel));
    if (compiled == null) {
      return new HeldBack(
          "the campaign has no "
              + MessageTemplate.describe(channel)
              + " template named '"
              + template
              + "'; add it under templates");
    }
    Variants.Variant variant = compiled.variants().choose(prospect.id());
    Rendering rendering = variant.template().render(context(prospect, account));
    if (rendering instanceof Rendering.HeldBack held) {
      return new HeldBack(
          "template '" + template + "' variant " + variant.label() + ": " + held.reason());
    }
    Rendering.Rendered rendered = (Rendering.Rendered) rendering;
    boolean personal = compiled.judged().get(variant.label()).personalised();
    return new Ready(new Message(variant.label(), rendered.subject(), rendered.body(), personal));
  }

  private MessageContext context(ProspectState prospect, SenderAccount account) {
    var p = prospect.profile();
    return new MessageContext(
        new MessageContext.Recipient(
            prospect.id(), p.firstName(), p.lastName(), p.company(), p.title(), p.location()),
        new MessageContext.Sender(author.name(), author.company(), account.name(), account.plan()),
        MessageContext.History.none());
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
