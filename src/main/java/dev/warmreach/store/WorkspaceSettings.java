package dev.warmreach.store;

import java.util.Optional;

/**
 * The workspace's settings (SMTP, webhooks, the bounce mailbox …), each kept as JSON under its
 * name. Each method is one transaction; implementations are thread-safe.
 */
public interface WorkspaceSettings {

  /** A workspace setting as stored (JSON), e.g. {@code smtp}; empty when not set. */
  Optional<String> setting(String name);

  /** Sets a workspace setting, replacing what was there. */
  void saveSetting(String name, String json);

  /**
   * Sets a workspace setting only when it is not set yet, and returns what is stored then: {@code
   * json}, or the value that was there (or that another node stored first).
   */
  String settingIfAbsent(String name, String json);

  /** Removes a workspace setting; false when it was not set. */
  boolean removeSetting(String name);
}
