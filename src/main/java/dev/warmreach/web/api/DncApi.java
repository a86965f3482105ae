package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.DoNotContactEntry;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.DoNotContactTarget;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/dnc}: the do-not-contact list, with the rules of {@code warmreach dnc}: entries are
 * profile URLs, email addresses or email domains, read the same way; adding is all or nothing.
 */
public final class DncApi {

  static final int MAX_ENTRIES = 1000;
  static final int MAX_REASON = 500;
  static final String DEFAULT_REASON = "asked not to be contacted";

  private final DoNotContactList list;
  private final ObjectMapper json;

  public DncApi(DoNotContactList list, ObjectMapper json) {
    this.list = list;
    this.json = json;
  }

  public void list(Context ctx) {
    Page page = Page.of(ctx);
    ctx.json(page.of(list.doNotContactList().stream().map(DncApi::view).toList()));
  }

  public void add(Context ctx) {
    JsonNode body = Requests.json(ctx, json);
    JsonNode entries = body.get("entries");
    List<FieldError> errors = new ArrayList<>();
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      errors.add(
          new FieldError(
              "entries",
              "is required: a list of profile URLs, email addresses or domains, e.g."
                  + " [\"ana@kestrel.example\", \"@orbe.example\"]"));
    } else if (entries.size() > MAX_ENTRIES) {
      errors.add(
          new FieldError(
              "entries", "has " + entries.size() + " entries; send at most " + MAX_ENTRIES));
    }
    JsonNode reasonNode = body.get("reason");
    String reason =
        reasonNode == null || reasonNode.isNull() || reasonNode.asText().isBlank()
            ? DEFAULT_REASON
            : reasonNode.asText().strip();
    if (reasonNode != null && !reasonNode.isNull() && !reasonNode.isTextual()) {
      errors.add(new FieldError("reason", "must be a string"));
    } else if (reason.length() > MAX_REASON) {
      errors.add(new FieldError("reason", "is longer than " + MAX_REASON + " characters"));
    }
    List<DoNotContactTarget> targets = new ArrayList<>();
    if (errors.isEmpty()) {
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        if (!entry.isTextual()) {
          errors.add(new FieldError("entries[" + i + "]", "must be a string"));
          continue;
        }
        try {
          targets.add(DoNotContactTarget.parse(entry.asText()));
        } catch (UserError e) {
          errors.add(new FieldError("entries[" + i + "]", e.getMessage()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    int added = 0;
    List<Map<String, Object>> each = new ArrayList<>();
    for (DoNotContactTarget target : targets) {
      boolean isNew = list.add(target, reason);
      added += isNew ? 1 : 0;
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("entry", target.value());
      one.put("kind", target.kind());
      one.put("added", isNew);
      each.add(one);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("added", added);
    out.put("already", targets.size() - added);
    out.put("entries", each);
    ctx.status(added > 0 ? HttpStatus.CREATED : HttpStatus.OK).json(out);
  }

  public void remove(Context ctx) {
    String entry = ctx.queryParam("entry");
    if (entry == null || entry.isBlank()) {
      throw ProblemException.invalid(
          "entry",
          "is required: the profile URL, email address or domain to take off, e.g."
              + " ?entry=ana@kestrel.example");
    }
    DoNotContactTarget target;
    try {
      target = DoNotContactTarget.parse(entry);
    } catch (UserError e) {
      throw ProblemException.invalid("entry", e.getMessage());
    }
    if (!list.remove(target)) {
      throw ProblemException.notFound(
          target.value()
              + " is not on the do-not-contact list; GET /api/dnc lists it (an erased person's"
              + " entry stays)");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("entry", target.value());
    out.put("kind", target.kind());
    out.put("removed", true);
    ctx.json(out);
  }

  private static Map<String, Object> view(DoNotContactEntry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", e.kind());
    out.put("entry", e.label().isEmpty() ? null : e.label());
    out.put("hash", e.hash());
    out.put("reason", e.reason());
    out.put("addedAt", e.addedAt());
    return out;
  }
}
