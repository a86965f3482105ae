package dev.warmreach.domain;

/**
 * Who signs a campaign's messages: {@code {{senderName}}} and {@code {{senderCompany}}}. Empty
 * values are unknown; a template that needs one then uses its fallback or holds the touch back.
 */
public record Author(String name, String company) {

  public static final Author UNKNOWN = new Author("", "");

  public Author {
    name = name == null ? "" : name.strip();
    company = company == null ? "" : company.strip();
  }
}
