package dev.warmreach.message;

import com.samskivert.mustache.Mustache;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values one render of a template sees: a prospect's context read through the template's tags.
 * Missing required values are written as nothing and remembered, so the render can be held back
 * naming them. Not thread-safe: one per render.
 */
final class Fill {

  /** Finds every tag's value in a {@link Fill} and nowhere else (no reflection on our types). */
  static final Mustache.Collector COLLECTOR =
      new Mustache.Collector() {
        @Override
        public Iterator<?> toIterator(Object value) {
          // A missing value is an empty list to Mustache: its section is skipped, its inverted
          // section shown.
          return value instanceof Missing ? Collections.emptyIterator() : null;
        }

        @Override
        public Mustache.VariableFetcher createFetcher(Object context, String name) {
          return context instanceof Fill ? (ctx, key) -> ((Fill) ctx).lookup(key) : null;
        }

        @Override
        public <K, V> Map<K, V> createFetcherCache() {
          return new ConcurrentHashMap<>();
        }
      };

  /** Writes values; a missing one is noted and written as nothing. */
  static final Mustache.Formatter FORMATTER =
      value -> value instanceof Missing missing ? missing.noted() : String.valueOf(value);

  private final Map<String, Tag> tags;
  private final MessageContext context;
  private final Set<Variable> missing = new LinkedHashSet<>();

  Fill(Map<String, Tag> tags, MessageContext context) {
    this.tags = tags;
    this.context = context;
  }

  Set<Variable> missing() {
    return Collections.unmodifiableSet(missing);
  }

  private Object lookup(String raw) {
    Tag tag = tags.get(raw);
    if (tag == null) {
      throw new IllegalStateException("tag {{" + raw + "}} was not checked when parsing");
    }
    String value = tag.variable().valueIn(context);
    if (!value.isBlank()) {
      return value;
    }
    return tag.required() ? new Missing(tag.variable(), this) : tag.fallback();
  }

  /** A required value the prospect does not have. */
  private record Missing(Variable variable, Fill fill) {
    String noted() {
      fill.missing.add(variable);
      return "";
    }
  }
}
