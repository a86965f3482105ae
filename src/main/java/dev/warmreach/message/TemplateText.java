package dev.warmreach.message;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One part of a template (its subject or its body), compiled by jmustache with HTML escaping off,
 * and every tag checked: known variable, fallback without braces, no partials or blocks. Immutable
 * and thread-safe.
 */
final class TemplateText {

  private static final Mustache.Compiler COMPILER =
      Mustache.compiler()
          .escapeHTML(false)
          .withCollector(Fill.COLLECTOR)
          .withFormatter(Fill.FORMATTER);

  private final Template template;
  private final Map<String, Tag> tags;

  private TemplateText(Template template, Map<String, Tag> tags) {
    this.template = template;
    this.tags = tags;
  }

  /**
   * Compiles {@code source}.
   *
   * @param part what the text is, for messages: "text" or "subject"
   * @throws InvalidTemplate when it could never render
   */
  static TemplateText parse(String part, String source) {
    if (source.contains("{{=")) {
      throw new InvalidTemplate(
          "the " + part + " changes the tag delimiters ({{=…=}}); Warmreach templates use {{ }}");
    }
    Template template;
    try {
      template = COMPILER.compile(source);
    } catch (MustacheException e) {
      throw new InvalidTemplate(
          "the " + part + " is not a valid template: " + e.getMessage() + fixFor(e), e);
    }
    Map<String, Tag> tags = new LinkedHashMap<>();
    Set<String> problems = new LinkedHashSet<>();
    template.visit(new TagCheck(tags, problems));
    if (!problems.isEmpty()) {
      throw new InvalidTemplate("the " + part + " " + String.join("; ", problems));
    }
    return new TemplateText(template, Collections.unmodifiableMap(tags));
  }

  /** The text for {@code context}; required values it lacks are added to {@code missing}. */
  String render(MessageContext context, Collection<Variable> missing) {
    Fill fill = new Fill(tags, context);
    String text = template.execute(fill);
    missing.addAll(fill.missing());
    return text;
  }

  /** The text with every variable at its typical value. */
  String sample() {
    return render(Samples.CONTEXT, new ArrayList<>());
  }

  Set<Variable> variables() {
    Set<Variable> used = EnumSet.noneOf(Variable.class);
    tags.values().forEach(t -> used.add(t.variable()));
    return used;
  }

  static boolean hasBraces(String text) {
    return text.contains("{{") || text.contains("}}");
  }

  private static String fixFor(MustacheException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Section close tag") || message.contains("Section missing close")
        ? " (every {{#name}} needs a {{/name}})"
        : "";
  }

  /** Checks every tag and section name while parsing, and records the tags. */
  private static final class TagCheck implements Mustache.Visitor {
    private final Map<String, Tag> tags;
    private final Set<String> problems;

    TagCheck(Map<String, Tag> tags, Set<String> problems) {
      this.tags = tags;
      this.problems = problems;
    }

    @Override
    public void visitText(String text) {
      if (hasBraces(text)) {
        problems.add("has a stray '{{' or '}}'; close every tag, as in {{firstName}}");
      }
    }

    @Override
    public void visitVariable(String name) {
      tag(name);
    }

    @Override
    public boolean visitInclude(String name) {
      problems.add("includes {{>" + name + "}}; partials are not supported, write the text out");
      return false;
    }

    @Override
    public boolean visitParent(String name) {
      return visitInclude(name);
    }

    @Override
    public boolean visitBlock(String name) {
      problems.add("uses a block {{$" + name + "}}; blocks are not supported");
      return false;
    }

    @Override
    public boolean visitSection(String name) {
      return section("#", name);
    }

    @Override
    public boolean visitInvertedSection(String name) {
      return section("^", name);
    }

    private boolean section(String kind, String name) {
      if (name.contains("|")) {
        problems.add(
            "has {{" + kind + name + "}}; a section names a variable alone, without a fallback");
      } else {
        tag(name);
      }
      return true;
    }

    private void tag(String name) {
      StringBuilder problem = new StringBuilder();
      Tag.parse(name, problem)
          .ifPresentOrElse(tag -> tags.put(name, tag), () -> problems.add(problem.toString()));
    }
  }
}
