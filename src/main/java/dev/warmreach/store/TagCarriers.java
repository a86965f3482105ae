package dev.warmreach.store;

import java.util.Map;

/**
 * A campaign's enrolled prospects and, per tag, how many of them carry it.
 *
 * @param prospects how many prospects the campaign enrolled
 * @param carriers per tag, how many of them carry it
 */
public record TagCarriers(long prospects, Map<String, Long> carriers) {

  public static final TagCarriers NONE = new TagCarriers(0, Map.of());

  public TagCarriers {
    carriers = Map.copyOf(carriers);
  }
}
