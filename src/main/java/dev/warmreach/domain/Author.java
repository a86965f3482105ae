package dev.warmreach.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Who signs a campaign's messages: {@code {{senderName}}}, {@code {{senderRole}}} and {@code
 * {{senderCompany}}}. Empty values are unknown; a template that needs one then uses its fallback, a
 * variant written for messages without an author, or holds the touch back.
 */
public record Author(String name, String role, String company) {

  public static final Author UNKNOWN = new Author("", "", "");

  public Author {
    name = name == null ? "" : name.strip();
    role = role == null ? "" : role.strip();
    company = company == null ? "" : company.strip();
  }

  /** An author without a stated role. */
  public Author(String name, String company) {
    this(name, "", company);
  }

  /**
   * Reads "Name", "Name, Company" or "Name, Role, Company", as a user types it after {@code
   * --author}.
   *
   * @throws UserError when it has more parts or no name
   */
  public static Author parse(String text) {
    List<String> parts =
        Arrays.stream((text == null ? "" : text).split(",", -1)).map(String::strip).toList();
    if (parts.size() > 3 || parts.get(0).isEmpty()) {
      throw new UserError(
          "author '"
              + text
              + "' should be \"Name\", \"Name, Company\" or \"Name, Role, Company\", e.g."
              + " \"Sam Carter, Head of Sales, Brightline\"");
    }
    return switch (parts.size()) {
      case 1 -> new Author(parts.get(0), "", "");
      case 2 -> new Author(parts.get(0), "", parts.get(1));
      default -> new Author(parts.get(0), parts.get(1), parts.get(2));
    };
  }

  /** Whether anyone is named, so a message can be signed. */
  public boolean known() {
    return !name.isEmpty();
  }
}
