package dev.warmreach.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.quota.AccountState;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Account states and prospect histories as JSON columns. An account's state is read at every engine
 * step on that account and its JSON grows with the invitations pending, so the last state read or
 * written per account is kept with its JSON: reading the same JSON again returns it without
 * parsing. The memo is a pure function of the JSON, so it cannot go stale. Thread-safe.
 */
final class StateJson {

  /** More accounts than any workspace has: beyond it the memo starts afresh. */
  private static final int ACCOUNTS_KEPT = 10_000;

  private static final ConcurrentHashMap<String, Parsed> ACCOUNTS = new ConcurrentHashMap<>();

  private record Parsed(String json, AccountState state) {}

  /**
   * Instants and dates as numbers (epoch milliseconds): an account's state lists every pending
   * invitation's time, and formatting them as ISO text was most of the cost of saving it. States
   * saved as text before still read.
   */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private StateJson() {}

  static String write(Object state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + state.getClass().getSimpleName(), e);
    }
  }

  /** An account's state as JSON, kept in the memo for the next read of the same JSON. */
  static String write(AccountState state) {
    String json = write((Object) state);
    remember(state.name(), json, state);
    return json;
  }

  /** The state of account {@code name} stored as {@code json}. */
  static AccountState account(String name, String json) {
    Parsed known = ACCOUNTS.get(name);
    if (known != null && known.json().equals(json)) {
      return known.state();
    }
    AccountState state = read(json, AccountState.class);
    remember(name, json, state);
    return state;
  }

  private static void remember(String name, String json, AccountState state) {
    if (ACCOUNTS.size() >= ACCOUNTS_KEPT) {
      ACCOUNTS.clear();
    }
    ACCOUNTS.put(name, new Parsed(json, state));
  }

  static ProspectHistory history(String json) {
    return read(json, ProspectHistory.class);
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored " + type.getSimpleName() + " is unreadable: " + json, e);
    }
  }
}
