package dev.warmreach.execute.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warmreach.execute.provider.ProviderFailure.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Unipile's v1 API over the JDK's HTTP client (SPEC §7; routes, field names and body encodings as
 * in the {@code unipile-node-sdk} 1.9.3 resources): {@code X-API-KEY} on every call, JSON bodies
 * except {@code POST /chats} and {@code POST /chats/{id}/messages}, which are multipart form data.
 * Error bodies {@code {status, type, title, detail}} become {@link ProviderFailure}s. Thread-safe.
 */
public final class UnipileProvider implements LinkedInProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param base the API root, {@code https://{DSN}/api/v1}
   */
  public UnipileProvider(URI base, String apiKey, Duration timeout) {
    String root = base.toString();
    this.base = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    this.apiKey = apiKey;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The API root for a DSN as Unipile's dashboard shows it, e.g. {@code api8.unipile.com:13851}.
   */
  public static URI apiRoot(String dsn) {
    String trimmed = dsn.strip();
    if (!trimmed.contains("://")) {
      trimmed = "https://" + trimmed;
    }
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return URI.create(trimmed.endsWith("/api/v1") ? trimmed : trimmed + "/api/v1");
  }

  @Override
  public ProviderAccount account(String accountId) {
    JsonNode body = send(get("/accounts/" + segment(accountId), Map.of()));
    String status = "OK";
    for (JsonNode source : body.path("sources")) {
      String s = source.path("status").asText("OK");
      if (!"OK".equals(s)) {
        status = s;
      }
    }
    List<String> features = new ArrayList<>();
    body.path("connection_params")
        .path("im")
        .path("premiumFeatures")
        .forEach(f -> features.add(f.asText()));
    return new ProviderAccount(body.path("id").asText(accountId), status, features);
  }

  @Override
  public URI hostedLink(String name, URI notifyUrl, Instant expiresOn) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "create");
    body.putArray("providers").add("LINKEDIN");
    body.put("api_url", base.resolve("/").toString().replaceAll("/$", ""));
    body.put("expiresOn", expiresOn.truncatedTo(ChronoUnit.MILLIS).toString());
    if (notifyUrl != null) {
      body.put("notify_url", notifyUrl.toString());
    }
    body.put("name", name);
    return URI.create(send(postJson("/hosted/accounts/link", body)).path("url").asText());
  }

  @Override
  public ProviderProfile profile(String accountId, String publicIdentifier) {
    JsonNode body =
        send(get("/users/" + segment(publicIdentifier), Map.of("account_id", accountId)));
    JsonNode invitation = body.path("invitation");
    return new ProviderProfile(
        body.path("provider_id").asText(),
        body.path("network_distance").asText("OUT_OF_NETWORK"),
        body.path("is_open_profile").asBoolean(false),
        body.path("can_send_inmail").asBoolean(false),
        invitation.isObject() ? Optional.of(invitation.path("status").asText()) : Optional.empty());
  }

  /**
   * Unipile takes a Sales Navigator id with {@code linkedin_api=sales_navigator}; its answer names
   * the public identifier, whose Classic profile gives the id and distance every other call uses (a
   * Sales Navigator id is not a Classic one). Without a public identifier the answer is used as it
   * is.
   */
  @Override
  public ProviderProfile profileByLeadId(String accountId, String leadId) {
    JsonNode lead =
        send(
            get(
                "/users/" + segment(leadId),
                Map.of("account_id", accountId, "linkedin_api", "sales_navigator")));
    String publicIdentifier = lead.path("public_identifier").asText("");
    if (!publicIdentifier.isEmpty()) {
      return profile(accountId, publicIdentifier);
    }
    JsonNode invitation = lead.path("invitation");
    return new ProviderProfile(
        lead.path("provider_id").asText(),
        lead.path("network_distance").asText("OUT_OF_NETWORK"),
        lead.path("is_open_profile").asBoolean(false),
        lead.path("can_send_inmail").asBoolean(false),
        invitation.isObject() ? Optional.of(invitation.path("status").asText()) : Optional.empty());
  }

  @Override
  public String invite(String accountId, String providerId, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("account_id", accountId);
    body.put("provider_id", providerId);
    if (message != null) {
      body.put("message", message);
    }
    return send(postJson("/users/invite", body)).path("invitation_id").asText();
  }

  @Override
  public List<SentInvitation> sentInvitations(String accountId) {
    List<SentInvitation> all = new ArrayList<>();
    for (JsonNode item : pages("/users/invite/sent", accountId)) {
      all.add(
          new SentInvitation(
              item.path("id").asText(),
              item.path("invited_user_id").asText(),
              item.path("invited_user_public_id").asText(),
              item.path("date").asText()));
    }
    return all;
  }

  @Override
  public RelationPage relations(String accountId, String cursor) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("account_id", accountId);
    query.put("limit", "100");
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    JsonNode body = send(get("/users/relations", query));
    List<Relation> relations = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      JsonNode created = item.path("created_at");
      relations.add(
          new Relation(
              item.path("member_id").asText(""),
              item.path("public_identifier").asText(""),
              created.isNumber() ? Instant.ofEpochMilli(created.asLong()) : null));
    }
    JsonNode next = body.path("cursor");
    return new RelationPage(
        relations, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
  }

  @Override
  public void withdraw(String accountId, String invitationId) {
    send(
        request("/users/invite/sent/" + segment(invitationId), Map.of("account_id", accountId))
            .DELETE()
            .build());
  }

  @Override
  public ChatStarted startChat(
      String accountId, String providerId, String text, String subject, InmailApi api) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("account_id", accountId);
    fields.put("text", text);
    fields.put("attendees_ids", providerId);
    if (subject != null) {
      fields.put("subject", subject);
    }
    if (api != null) {
      fields.put("linkedin[api]", api.name().toLowerCase(java.util.Locale.ROOT));
      fields.put("linkedin[inmail]", "true");
    }
    JsonNode body = send(postForm("/chats", fields));
    return new ChatStarted(body.path("chat_id").asText(), body.path("message_id").asText());
  }

  @Override
  public String sendMessage(String chatId, String text) {
    return send(postForm("/chats/" + segment(chatId) + "/messages", Map.of("text", text)))
        .path("message_id")
        .asText();
  }

  @Override
  public List<ChatMessage> messagesWith(String accountId, String providerId) {
    JsonNode body = send(get("/chat_attendees/" + segment(providerId) + "/messages", Map.of()));
    List<ChatMessage> messages = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      if (!item.path("account_id").asText(accountId).equals(accountId)) {
        continue;
      }
      messages.add(
          new ChatMessage(
              item.path("id").asText(),
              item.path("chat_id").asText(),
              item.path("text").asText(""),
              item.path("is_sender").asInt(0) == 1 || item.path("is_sender").asBoolean(false)));
    }
    return messages;
  }

  @Override
  public List<Post> posts(String accountId, String providerId) {
    JsonNode body =
        send(get("/users/" + segment(providerId) + "/posts", Map.of("account_id", accountId)));
    List<Post> posts = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      JsonNode permissions = item.path("permissions");
      posts.add(
          new Post(
              item.path("social_id").asText(),
              item.path("text").asText(""),
              item.path("date").asText(""),
              permissions.path("can_react").asBoolean(true),
              permissions.path("can_post_comments").asBoolean(true)));
    }
    return posts;
  }

  @Override
  public void react(String accountId, String socialId, String reaction) {
    ObjectNode body = JSON.createObjectNode();
    body.put("account_id", accountId);
    body.put("post_id", socialId);
    body.put("reaction_type", reaction);
    send(postJson("/posts/reaction", body));
  }

  @Override
  public void comment(String accountId, String socialId, String text) {
    ObjectNode body = JSON.createObjectNode();
    body.put("account_id", accountId);
    body.put("text", text);
    send(postJson("/posts/" + segment(socialId) + "/comments", body));
  }

  /** {@code GET /users/me} (the SDK's {@code getOwnProfile}). */
  @Override
  public String ownProviderId(String accountId) {
    String id =
        send(get("/users/me", Map.of("account_id", accountId))).path("provider_id").asText("");
    if (id.isEmpty()) {
      throw new ProviderFailure(
          Reason.UNAVAILABLE, 0, "", "the provider did not say which member " + accountId + " is");
    }
    return id;
  }

  /**
   * {@code GET /posts/{social_id}/reactions}: items {@code {object: "PostReaction", value, author:
   * {id, …}}}.
   */
  @Override
  public Page<PostReaction> reactions(String accountId, String socialId, String cursor) {
    JsonNode body =
        send(get("/posts/" + segment(socialId) + "/reactions", page(accountId, cursor)));
    List<PostReaction> reactions = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      reactions.add(
          new PostReaction(
              item.path("author").path("id").asText(""), item.path("value").asText("")));
    }
    return new Page<>(reactions, next(body));
  }

  /**
   * {@code GET /posts/{social_id}/comments} (the SDK's {@code getAllPostComments}): items {@code
   * {id, text, author_details: {id, …}}}.
   */
  @Override
  public Page<PostComment> comments(String accountId, String socialId, String cursor) {
    JsonNode body = send(get("/posts/" + segment(socialId) + "/comments", page(accountId, cursor)));
    List<PostComment> comments = new ArrayList<>();
    for (JsonNode item : body.path("items")) {
      JsonNode details = item.path("author_details");
      comments.add(
          new PostComment(
              item.path("id").asText(""),
              details.isObject() ? details.path("id").asText("") : item.path("author").asText(""),
              item.path("text").asText("")));
    }
    return new Page<>(comments, next(body));
  }

  private static Map<String, String> page(String accountId, String cursor) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("account_id", accountId);
    if (cursor != null) {
      query.put("cursor", cursor);
    }
    return query;
  }

  /** The cursor of the next page: {@code cursor} (or {@code paging.cursor}), null at the end. */
  private static String next(JsonNode body) {
    JsonNode next = body.has("cursor") ? body.path("cursor") : body.path("paging").path("cursor");
    return next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
  }

  @Override
  public InmailBalance inmailBalance(String accountId) {
    JsonNode body = send(get("/linkedin/inmail_balance", Map.of("account_id", accountId)));
    return new InmailBalance(
        number(body.path("premium")),
        number(body.path("recruiter")),
        number(body.path("sales_navigator")));
  }

  @Override
  public void registerWebhook(URI url, String source, String headerName, String headerValue) {
    ObjectNode body = JSON.createObjectNode();
    body.put("request_url", url.toString());
    body.put("source", source);
    ObjectNode header = body.putArray("headers").addObject();
    header.put("key", headerName);
    header.put("value", headerValue);
    send(postJson("/webhooks", body));
  }

  private List<JsonNode> pages(String path, String accountId) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("account_id", accountId);
      if (cursor != null) {
        query.put("cursor", cursor);
      }
      JsonNode body = send(get(path, query));
      body.path("items").forEach(items::add);
      JsonNode next = body.path("cursor");
      cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
    } while (cursor != null);
    return items;
  }

  private HttpRequest get(String path, Map<String, String> query) {
    return request(path, query).GET().build();
  }

  private HttpRequest postJson(String path, JsonNode body) {
    try {
      return request(path, Map.of())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest postForm(String path, Map<String, String> fields) {
    String boundary = "warmreach-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    body.append("--").append(boundary).append("--\r\n");
    return request(path, Map.of())
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder request(String path, Map<String, String> query) {
    StringBuilder uri = new StringBuilder(base.toString()).append(path);
    String separator = "?";
    for (Map.Entry<String, String> parameter : query.entrySet()) {
      uri.append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = "&";
    }
    return HttpRequest.newBuilder(URI.create(uri.toString()))
        .timeout(timeout)
        .header("X-API-KEY", apiKey)
        .header("accept", "application/json");
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ProviderFailure(
          Reason.UNAVAILABLE, 0, "", "no answer from " + base.getHost() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure(Reason.UNAVAILABLE, 0, "", "interrupted while waiting");
    }
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return body;
    }
    String type = body.path("type").asText("");
    String detail = body.path("detail").asText(body.path("title").asText(""));
    throw new ProviderFailure(meaning(status, type), status, type, detail);
  }

  /** What an error answer means, by its type first and its HTTP status otherwise. */
  static Reason meaning(int status, String type) {
    String slug = type.startsWith("errors/") ? type.substring("errors/".length()) : type;
    switch (slug) {
      case "already_connected":
        return Reason.ALREADY_CONNECTED;
      case "already_invited_recently", "cannot_resend_yet":
        return Reason.ALREADY_INVITED;
      case "limit_exceeded", "too_many_requests":
        return Reason.LIMIT_REACHED;
      case "disconnected_account", "invalid_credentials", "missing_credentials":
        return Reason.CREDENTIALS;
      default:
        break;
    }
    if (status == 401) {
      return Reason.CREDENTIALS;
    }
    if (status == 429) {
      return Reason.LIMIT_REACHED;
    }
    if (status >= 500 || status == 408) {
      return Reason.UNAVAILABLE;
    }
    return Reason.REFUSED;
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode()
          .put("detail", text.length() > 300 ? text.substring(0, 300) : text);
    }
  }

  private static Integer number(JsonNode node) {
    return node.isNumber() ? node.asInt() : null;
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
