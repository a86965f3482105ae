package dev.warmreach.web.pages;

import dev.warmreach.domain.Role;
import dev.warmreach.web.auth.Principal;
import io.javalin.http.Context;

/**
 * What every dashboard page shows around its content: its title, which section of the navigation is
 * current, who is signed in, and the CSRF token forms and htmx requests must send.
 */
public record Chrome(
    String title, Section section, String email, boolean admin, String csrfToken, Assets assets) {

  /** The sections of the navigation, in order. */
  public enum Section {
    TODAY("Today", "/today"),
    PROSPECTS("Prospects", "/prospects"),
    CAMPAIGNS("Campaigns", "/campaigns"),
    ACCOUNTS("Accounts", "/accounts"),
    ANALYTICS("Analytics", "/analytics"),
    SETTINGS("Settings", "/settings");

    private final String label;
    private final String path;

    Section(String label, String path) {
      this.label = label;
      this.path = path;
    }

    public String label() {
      return label;
    }

    public String path() {
      return path;
    }
  }

  static Chrome of(Context ctx, String title, Section section, Assets assets) {
    Principal principal = Principal.of(ctx);
    return new Chrome(
        title,
        section,
        principal.user().email(),
        principal.user().role() == Role.ADMIN,
        principal.csrfToken() == null ? "" : principal.csrfToken(),
        assets);
  }

  /** The htmx headers attribute value that carries the CSRF token on every htmx request. */
  public String htmxHeaders() {
    return "{\"X-CSRF-Token\": \"" + csrfToken + "\"}";
  }
}
