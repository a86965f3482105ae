package dev.warmreach.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.warmreach.domain.Author;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.UserError;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.message.InvalidTemplate;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.sequence.CombinedSequence;
import dev.warmreach.sequence.SequenceDefinition;
import dev.warmreach.sequence.TemplateVariant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a campaign definition (JSON or YAML): its sequence ({@code "combined"} or its own steps),
 * its templates, its settings, and the policy it runs by. Errors are user errors naming the file
 * and the field.
 */
public final class CampaignFile {

  private CampaignFile() {}

  /** Reads the file at {@code path}; {@code .yaml}/{@code .yml} as YAML, anything else as JSON. */
  public static CampaignDefinition read(Path path) {
    JsonNode root = parse(path);
    try {
      return fromNode(new Node(root, ""));
    } catch (InvalidDefinition e) {
      throw new UserError(path + ": " + e.getMessage() + " (see docs/sequences.md)", e);
    }
  }

  /** A campaign definition stored as JSON, as {@link #toJson} wrote it. */
  public static CampaignDefinition fromJson(String json) {
    try {
      return fromNode(new Node(new ObjectMapper().readTree(json), ""));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a stored campaign definition is unreadable", e);
    }
  }

  /**
   * A definition sent as JSON text (by the HTTP API), checked as a file is; returns it as stored.
   *
   * @throws UserError naming where the definition is wrong
   */
  public static String checkJson(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      fromNode(new Node(root, ""));
      return root.toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserError("the definition is not JSON: " + e.getOriginalMessage(), e);
    } catch (InvalidDefinition e) {
      throw new UserError(e.getMessage() + " (see docs/sequences.md)", e);
    }
  }

  /** The definition file at {@code path} as JSON text, checked first by reading it. */
  public static String toJson(Path path) {
    read(path);
    return parse(path).toString();
  }

  /**
   * A stored definition (JSON text) signed by {@code author}: its {@code author} replaced, the rest
   * kept as it was.
   */
  public static String withAuthor(String json, Author author) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      com.fasterxml.jackson.databind.node.ObjectNode root =
          (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
      com.fasterxml.jackson.databind.node.ObjectNode signed = root.putObject("author");
      signed.put("name", author.name());
      signed.put("role", author.role());
      signed.put("company", author.company());
      return root.toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a checked campaign definition is unreadable", e);
    }
  }

  /**
   * The definition {@code json} with the campaign flags set: each non-null one replaces the
   * definition's own (time-sensitive and account-based campaigns send seniors an InMail; {@code
   * commentsNeedApproval}: warm-up comments wait for the user, or go automatically).
   */
  public static String withSettings(
      String json, Boolean timeSensitive, Boolean accountBased, Boolean commentsNeedApproval) {
    return withSettings(json, timeSensitive, accountBased, commentsNeedApproval, null);
  }

  /**
   * As {@link #withSettings(String, Boolean, Boolean, Boolean)}, and {@code followUpsOnDaysOff}:
   * whether a follow-up whose window falls on the account's days off goes on the day off.
   */
  public static String withSettings(
      String json,
      Boolean timeSensitive,
      Boolean accountBased,
      Boolean commentsNeedApproval,
      Boolean followUpsOnDaysOff) {
    try {
      ObjectMapper mapper = new ObjectMapper();
      com.fasterxml.jackson.databind.node.ObjectNode root =
          (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
      com.fasterxml.jackson.databind.node.ObjectNode settings =
          root.get("settings") instanceof com.fasterxml.jackson.databind.node.ObjectNode given
              ? given
              : root.putObject("settings");
      if (timeSensitive != null) {
        settings.put("timeSensitive", timeSensitive);
      }
      if (accountBased != null) {
        settings.put("accountBased", accountBased);
      }
      if (commentsNeedApproval != null) {
        settings.put("comments", commentsNeedApproval ? "approve" : "automatic");
      }
      if (followUpsOnDaysOff != null) {
        settings.put("followUpsOnDaysOff", followUpsOnDaysOff);
      }
      return root.toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a checked campaign definition is unreadable", e);
    }
  }

  /** The definition of the combined sequence with built-in templates, as JSON text. */
  public static String defaultJson() {
    return "{\"sequence\": \"combined\"}";
  }

  /** The combined sequence with the built-in templates and default settings. */
  public static CampaignDefinition defaults() {
    return new CampaignDefinition(
        CombinedSequence.definition(), builtIn(), CampaignSettings.DEFAULT, Author.UNKNOWN);
  }

  static CampaignDefinition fromNode(Node node) {
    if (!node.raw().isObject()) {
      throw node.invalid("a campaign should be an object with sequence, templates and settings");
    }
    SequenceDefinition sequence =
        node.has("sequence")
            ? SequenceReader.read(node.get("sequence"))
            : CombinedSequence.definition();
    Map<String, List<TemplateVariant>> templates = builtIn();
    if (node.has("templates")) {
      Node given = node.object("templates");
      var fields = given.fields();
      while (fields.hasNext()) {
        var entry = fields.next();
        Node template = given.child(entry.getKey(), entry.getValue());
        templates.put(entry.getKey(), variants(template));
      }
    }
    for (String name : sequence.templates()) {
      if (!templates.containsKey(name)) {
        throw node.invalid(
            "templates",
            "the sequence uses template '"
                + name
                + "', which is not defined; add it under templates");
      }
    }
    if (node.has("personalised")) {
      throw node.invalid(
          "personalised",
          "the coach now judges each template as personal or generic; remove this field");
    }
    if (node.has("policy")) {
      policy(node.get("policy"));
    }
    CampaignSettings settings =
        node.has("settings") ? settings(node.object("settings")) : CampaignSettings.DEFAULT;
    Author author = node.has("author") ? author(node.object("author")) : Author.UNKNOWN;
    CampaignDefinition campaign = new CampaignDefinition(sequence, templates, settings, author);
    try {
      CampaignMessages.check(campaign);
    } catch (InvalidTemplate e) {
      throw node.invalid("templates", e.getMessage());
    }
    return campaign;
  }

  /**
   * The policy a definition (JSON text, as checked) names with {@code policy: adaptive}; empty when
   * it names none. A campaign created from it runs that policy unless told another.
   */
  public static Optional<String> policy(String json) {
    try {
      JsonNode policy = new ObjectMapper().readTree(json).get("policy");
      return policy == null || policy.isNull() ? Optional.empty() : Optional.of(policy.asText());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a checked campaign definition is unreadable", e);
    }
  }

  /** A policy a campaign can run: the oracle is refused as on the command line. */
  private static String policy(Node node) {
    String name = node.text();
    try {
      ChannelPolicy.named(name);
    } catch (UserError refused) {
      throw node.invalid(refused.getMessage());
    }
    return name;
  }

  private static Map<String, List<TemplateVariant>> builtIn() {
    return new LinkedHashMap<>(BuiltInTemplates.ALL);
  }

  /**
   * A template: one text, an object with subject and body (and {@code when}, the condition it is
   * chosen under), or a list of those (variants).
   */
  private static List<TemplateVariant> variants(Node template) {
    if (!template.raw().isArray()) {
      return List.of(templateText(template));
    }
    List<Node> items = template.items();
    if (items.isEmpty() || items.size() > 26) {
      throw template.invalid("a list of variants holds 1 to 26 texts, not " + items.size());
    }
    List<TemplateVariant> texts = new ArrayList<>();
    for (Node item : items) {
      texts.add(templateText(item));
    }
    return texts;
  }

  private static TemplateVariant templateText(Node template) {
    if (template.raw().isTextual()) {
      return TemplateVariant.of(template.text());
    }
    if (template.raw().isObject()) {
      String body = template.get("body").text();
      return new TemplateVariant(
          template.text("when", ""),
          template.has("subject") ? template.get("subject").text() + "\n---\n" + body : body);
    }
    throw template.invalid(
        "a template is text, an object with subject and body, or a list of those (A/B variants)");
  }

  private static Author author(Node node) {
    return new Author(node.text("name", ""), node.text("role", ""), node.text("company", ""));
  }

  private static CampaignSettings settings(Node node) {
    Set<Seniority> highValue = EnumSet.noneOf(Seniority.class);
    if (node.has("highValue")) {
      for (Node level : node.get("highValue").items()) {
        highValue.add(level.choice(Seniority.class));
      }
    } else {
      highValue.addAll(CampaignSettings.DEFAULT.highValue());
    }
    String comments = node.text("comments", "approve");
    if (!comments.equals("approve") && !comments.equals("automatic")) {
      throw node.get("comments")
          .invalid("'" + comments + "' is not a choice; use approve or automatic");
    }
    return new CampaignSettings(
        node.bool("timeSensitive", false),
        node.bool("accountBased", false),
        highValue,
        node.text("highValueTag", CampaignSettings.DEFAULT.highValueTag()),
        comments.equals("approve"),
        node.bool("followUpsOnDaysOff", true));
  }

  /** Parses JSON or YAML, mapping unreadable files to user errors. */
  static JsonNode parse(Path path) {
    String name =
        path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? new ObjectMapper(new YAMLFactory())
            : new ObjectMapper();
    try {
      JsonNode root = mapper.readTree(Files.readString(path));
      if (root == null || root.isMissingNode()) {
        throw new UserError(path + " is empty");
      }
      return root;
    } catch (NoSuchFileException e) {
      throw new UserError(path + " does not exist; check the file name", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserError(
          path
              + " is not valid "
              + (mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON")
              + " (line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + "): "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UserError("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
