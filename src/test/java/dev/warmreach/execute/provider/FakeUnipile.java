package dev.warmreach.execute.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Unipile's v1 API (SPEC §7, routes and fields as in unipile-node-sdk 1.9.3)
 * over real HTTP on 127.0.0.1: it checks the {@code X-API-KEY} header and each route's body
 * encoding (JSON or multipart form data), keeps people, invitations, chats and posts, answers with
 * Unipile's error bodies, and records every request. A test scripts failures with {@link
 * #failNext}.
 */
public final class FakeUnipile implements AutoCloseable {

  public static final String API_KEY = "test-api-key";
  public static final String ACCOUNT = "acc-1";

  private static final ObjectMapper JSON = new ObjectMapper();
  // Small, so tests page through lists; the standalone fake (main) pages by 100.
  private static final int TEST_PAGE = 2;
  private volatile int page = TEST_PAGE;

  /** One request as it arrived. */
  record Request(
      String method,
      String path,
      Map<String, String> query,
      String contentType,
      String apiKey,
      Map<String, String> fields) {
    String route() {
      return method + " " + path;
    }
  }

  /** A person on the fake LinkedIn. */
  public static final class Person {
    final String slug;
    final String providerId;
    volatile String distance;
    volatile boolean openProfile;
    final List<ObjectNode> posts = new CopyOnWriteArrayList<>();

    Person(String slug, String providerId, String distance) {
      this.slug = slug;
      this.providerId = providerId;
      this.distance = distance;
    }
  }

  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Map<String, Person> bySlug = new ConcurrentHashMap<>();
  final Map<String, Person> byLeadId = new ConcurrentHashMap<>();
  final Map<String, Person> byProviderId = new ConcurrentHashMap<>();
  public final Map<String, String> accountStatus = new ConcurrentHashMap<>();
  public final Map<String, ObjectNode> invitations = new ConcurrentHashMap<>();
  final Map<String, String> chatWith = new ConcurrentHashMap<>();
  public final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
  public final List<ObjectNode> reactions = new CopyOnWriteArrayList<>();
  final List<ObjectNode> comments = new CopyOnWriteArrayList<>();

  /** Reactions and comments on posts by other members than the accounts, as LinkedIn shows. */
  private final List<ObjectNode> othersOnPosts = new CopyOnWriteArrayList<>();

  public final List<JsonNode> webhooks = new CopyOnWriteArrayList<>();

  /** The account's relations, newest first. */
  final List<ObjectNode> relations = new CopyOnWriteArrayList<>();

  public volatile Integer premiumCredits = 12;
  public volatile Integer salesNavigatorCredits = null;
  private final Map<String, Deque<int[]>> failures = new ConcurrentHashMap<>();
  private final Map<String, Deque<String[]>> failureTexts = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  // Standalone (see main): anyone looked up exists, any account id is linked and OK, a share of
  // invitations is accepted at once, and each answered call that acts is written to a log.
  private volatile boolean lenient;
  private volatile double acceptRate;
  private volatile java.io.Writer answered;

  public FakeUnipile() throws IOException {
    this(0);
  }

  private FakeUnipile(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/api/v1/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
    accountStatus.put(ACCOUNT, "OK");
  }

  /**
   * The fake as a process of its own, for bench/chaos.sh and bench/provider-kills.sh: {@code PORT
   * ANSWERED_LOG [ACCEPT_RATE]}. Anyone looked up exists (a second-degree person with one post),
   * any account id is an OK account, a share ACCEPT_RATE (0..1) of invitations is accepted the
   * moment it is answered, and each answered call that acts on LinkedIn is appended to ANSWERED_LOG
   * after its answer is written, one line each: {@code ROUTE<TAB>ACCOUNT<TAB>PERSON<TAB>DETAIL}.
   * The key is {@value #API_KEY}. Runs until killed.
   */
  public static void main(String[] args) throws Exception {
    FakeUnipile fake = new FakeUnipile(Integer.parseInt(args[0]));
    fake.lenient = true;
    fake.page = 100;
    fake.acceptRate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    fake.answered =
        java.nio.file.Files.newBufferedWriter(
            java.nio.file.Path.of(args[1]),
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
    System.out.println("fake Unipile on " + fake.base());
    Thread.currentThread().join();
  }

  /** Appends an answered call to the log (standalone only); flushed at once for watchers. */
  private void answered(String route, String account, String person, String detail) {
    java.io.Writer log = answered;
    if (log == null) {
      return;
    }
    synchronized (log) {
      try {
        log.write(route + "\t" + account + "\t" + person + "\t" + detail + "\n");
        log.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** The API root to give the client. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
  }

  public Person person(String slug, String providerId, String distance) {
    Person person = new Person(slug, providerId, distance);
    bySlug.put(slug, person);
    byProviderId.put(providerId, person);
    return person;
  }

  /**
   * The person is found in Sales Navigator by {@code leadId}: GET /users/{leadId} with {@code
   * linkedin_api=sales_navigator} answers with the Sales Navigator id and the public identifier.
   */
  public void salesNavigatorLead(Person person, String leadId) {
    byLeadId.put(leadId, person);
  }

  public ObjectNode post(Person person, String socialId, String text) {
    ObjectNode post = JSON.createObjectNode();
    post.put("object", "Post");
    post.put("id", socialId.replace("urn:li:activity:", ""));
    post.put("social_id", socialId);
    post.put("text", text);
    post.put("date", "2h");
    ObjectNode permissions = post.putObject("permissions");
    permissions.put("can_react", true);
    permissions.put("can_post_comments", true);
    permissions.put("can_share", true);
    person.posts.add(0, post);
    return post;
  }

  /**
   * {@code person} accepts the account's invitation at {@code atMillis}: the invitation leaves the
   * sent list and they join the relations, newest first, as on LinkedIn. No webhook is posted.
   */
  public void accept(Person person, long atMillis) {
    invitations
        .values()
        .removeIf(i -> i.path("invited_user_id").asText().equals(person.providerId));
    person.distance = "FIRST_DEGREE";
    ObjectNode relation = JSON.createObjectNode();
    relation.put("object", "UserRelation");
    relation.put("connection_urn", "urn:li:fsd_connection:" + person.providerId);
    relation.put("created_at", atMillis);
    relation.put("first_name", person.slug);
    relation.put("last_name", "");
    relation.put("member_id", person.providerId);
    relation.put("member_urn", "urn:li:fsd_profile:" + person.providerId);
    relation.put("headline", "");
    relation.put("public_identifier", person.slug);
    relation.put("public_profile_url", "https://www.linkedin.com/in/" + person.slug);
    relations.add(0, relation);
  }

  /** {@code person} ignores and removes the invitation: it leaves the sent list, nothing else. */
  public void ignore(Person person) {
    invitations
        .values()
        .removeIf(i -> i.path("invited_user_id").asText().equals(person.providerId));
  }

  /** Someone unrelated to any prospect connects with the account, at {@code atMillis}. */
  public void otherRelation(String providerId, long atMillis) {
    person(providerId.toLowerCase(java.util.Locale.ROOT), providerId, "SECOND_DEGREE");
    accept(byProviderId.get(providerId), atMillis);
  }

  /**
   * The member an account signs in as ({@code GET /users/me} answers it as {@code provider_id});
   * the author of the account's reactions and comments.
   */
  public static String memberOf(String accountId) {
    return "ACoMember-" + accountId;
  }

  /** {@code count} other members like the post and comment on it, before the account does. */
  public void othersEngageWith(String socialId, int count) {
    for (int i = 0; i < count; i++) {
      ObjectNode other = JSON.createObjectNode();
      other.put("post_id", socialId);
      other.put("author_id", "ACoOther" + i);
      other.put("text", "Great post! (" + i + ")");
      othersOnPosts.add(other);
    }
  }

  /** The next request on {@code route} (e.g. {@code POST /users/invite}) fails so. */
  public void failNext(String route, int status, String type, String detail) {
    failures.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new int[] {status});
    failureTexts.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new String[] {type, detail});
  }

  List<Request> requests(String route) {
    return requests.stream().filter(r -> r.route().equals(route)).toList();
  }

  /** The fields of the {@code index}th request on {@code route}, as the fake read them. */
  public Map<String, String> requestFields(String route, int index) {
    return requests(route).get(index).fields();
  }

  public long count(String route) {
    return requests(route).size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath().substring("/api/v1".length());
      String method = exchange.getRequestMethod();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String text = new String(raw, StandardCharsets.UTF_8);
      Map<String, String> fields = fields(contentType, text);
      String route = method + " " + routeOf(path);
      Request request =
          new Request(
              method,
              routeOf(path),
              query,
              contentType,
              exchange.getRequestHeaders().getFirst("X-API-KEY"),
              fields);
      requests.add(request);
      if (!API_KEY.equals(request.apiKey())) {
        error(exchange, 401, "errors/missing_credentials", "Missing or invalid API key.");
        return;
      }
      Deque<int[]> scripted = failures.get(route);
      if (scripted != null && !scripted.isEmpty()) {
        int status = scripted.poll()[0];
        String[] words = failureTexts.get(route).poll();
        error(exchange, status, words[0], words[1]);
        return;
      }
      answer(exchange, method, path, query, contentType, fields);
    }
  }

  /** The route with ids replaced by placeholders, so tests can count calls per route. */
  private static String routeOf(String path) {
    return path.replaceAll("^/accounts/[^/]+$", "/accounts/{id}")
        .replaceAll("^/users/invite/sent/[^/]+$", "/users/invite/sent/{id}")
        .replaceAll("^/users/(?!invite$|invite/)[^/]+/posts$", "/users/{id}/posts")
        .replaceAll("^/users/(?!invite$|invite/|relations$|me$)[^/]+$", "/users/{id}")
        .replaceAll("^/chats/[^/]+/messages$", "/chats/{id}/messages")
        .replaceAll("^/chat_attendees/[^/]+/messages$", "/chat_attendees/{id}/messages")
        .replaceAll("^/posts/(?!reaction$)[^/]+/comments$", "/posts/{id}/comments")
        .replaceAll("^/posts/(?!reaction$)[^/]+/reactions$", "/posts/{id}/reactions");
  }

  private void answer(
      HttpExchange exchange,
      String method,
      String path,
      Map<String, String> query,
      String contentType,
      Map<String, String> fields)
      throws IOException {
    boolean json = contentType != null && contentType.startsWith("application/json");
    boolean multipart = contentType != null && contentType.startsWith("multipart/form-data");
    Matcher m;
    if (method.equals("GET") && (m = match("/accounts/([^/]+)", path)) != null) {
      String status =
          lenient
              ? accountStatus.computeIfAbsent(m.group(1), id -> "OK")
              : accountStatus.get(m.group(1));
      if (status == null) {
        error(exchange, 404, "errors/resource_not_found", "Account not found.");
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "Account");
      body.put("id", m.group(1));
      body.put("type", "LINKEDIN");
      body.putArray("sources")
          .addObject()
          .put("id", m.group(1) + "_MESSAGING")
          .put("status", status);
      body.putObject("connection_params")
          .putObject("im")
          .putArray("premiumFeatures")
          .add("premium");
      ok(exchange, 200, body);
    } else if (method.equals("POST") && path.equals("/hosted/accounts/link")) {
      if (!json) {
        error(exchange, 400, "errors/invalid_parameters", "JSON body expected.");
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "HostedAuthUrl");
      body.put("url", "https://account.unipile.com/fake-link-" + ids.incrementAndGet());
      ok(exchange, 201, body);
    } else if (method.equals("GET") && path.equals("/users/invite/sent")) {
      List<ObjectNode> all = new ArrayList<>(invitations.values());
      all.sort((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()));
      int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "UserInvitationSentList");
      ArrayNode items = body.putArray("items");
      all.subList(from, Math.min(all.size(), from + page)).forEach(items::add);
      if (from + page < all.size()) {
        body.put("cursor", String.valueOf(from + page));
      } else {
        body.putNull("cursor");
      }
      ok(exchange, 200, body);
    } else if (method.equals("GET") && path.equals("/users/relations")) {
      int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
      int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
      int size = Math.min(limit, page);
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "UserRelationsList");
      ArrayNode items = body.putArray("items");
      List<ObjectNode> all = new ArrayList<>(relations);
      all.subList(Math.min(from, all.size()), Math.min(all.size(), from + size))
          .forEach(items::add);
      if (from + size < all.size()) {
        body.put("cursor", String.valueOf(from + size));
      } else {
        body.putNull("cursor");
      }
      ok(exchange, 200, body);
    } else if (method.equals("DELETE") && (m = match("/users/invite/sent/([^/]+)", path)) != null) {
      if (invitations.remove(m.group(1)) == null) {
        error(exchange, 404, "errors/resource_not_found", "Invitation not found.");
        return;
      }
      ok(exchange, 200, JSON.createObjectNode().put("object", "UserInvitationCanceled"));
    } else if (method.equals("POST") && path.equals("/users/invite")) {
      if (!json) {
        error(exchange, 400, "errors/invalid_parameters", "JSON body expected.");
        return;
      }
      Person person = byProviderId.get(fields.get("provider_id"));
      if (person == null) {
        error(exchange, 404, "errors/resource_not_found", "User not found.");
        return;
      }
      String note = fields.get("message");
      if (note != null && note.length() > 300) {
        error(exchange, 400, "errors/invalid_parameters", "message must be 300 characters or less");
        return;
      }
      if ("FIRST_DEGREE".equals(person.distance)) {
        error(exchange, 422, "errors/already_connected", "You are already connected.");
        return;
      }
      boolean pending =
          invitations.values().stream()
              .anyMatch(i -> i.path("invited_user_id").asText().equals(person.providerId));
      if (pending) {
        error(
            exchange, 422, "errors/already_invited_recently", "An invitation is already pending.");
        return;
      }
      String id = "inv-" + ids.incrementAndGet();
      ObjectNode invitation = JSON.createObjectNode();
      invitation.put("object", "UserInvitation");
      invitation.put("id", id);
      invitation.put("date", "now");
      invitation.put("invited_user", person.slug);
      invitation.put("invited_user_id", person.providerId);
      invitation.put("invited_user_public_id", person.slug);
      invitation.put("invitation_text", note == null ? "" : note);
      invitations.put(id, invitation);
      ok(
          exchange,
          201,
          JSON.createObjectNode().put("object", "UserInvitationSent").put("invitation_id", id));
      answered("POST /users/invite", fields.get("account_id"), person.providerId, id);
      if (acceptRate > 0
          && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < acceptRate) {
        accept(person, System.currentTimeMillis());
      }
    } else if (method.equals("GET") && path.equals("/users/me")) {
      String account = query.get("account_id");
      if (account == null || !(lenient || accountStatus.containsKey(account))) {
        error(exchange, 404, "errors/resource_not_found", "Account not found.");
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "AccountOwnerProfile");
      body.put("provider", "LINKEDIN");
      body.put("provider_id", memberOf(account));
      body.put("entity_urn", "urn:li:fsd_profile:" + memberOf(account));
      body.put("first_name", account);
      body.put("last_name", "");
      body.put("public_identifier", account);
      ok(exchange, 200, body);
    } else if (method.equals("GET") && (m = match("/posts/([^/]+)/reactions", path)) != null) {
      String socialId = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      // One reaction per member and post, as on LinkedIn: the account's latest counts.
      Map<String, ObjectNode> byAuthor = new LinkedHashMap<>();
      for (ObjectNode other : othersOnPosts) {
        if (other.path("post_id").asText().equals(socialId)) {
          byAuthor.put(
              other.path("author_id").asText(),
              reactionItem(socialId, other.path("author_id").asText(), "LIKE"));
        }
      }
      for (ObjectNode reaction : reactions) {
        if (reaction.path("post_id").asText().equals(socialId)) {
          String author = memberOf(reaction.path("account_id").asText());
          byAuthor.put(
              author,
              reactionItem(
                  socialId,
                  author,
                  reaction
                      .path("reaction_type")
                      .asText("like")
                      .toUpperCase(java.util.Locale.ROOT)));
        }
      }
      ok(exchange, 200, paged("ReactionList", new ArrayList<>(byAuthor.values()), query));
    } else if (method.equals("GET") && (m = match("/posts/([^/]+)/comments", path)) != null) {
      String socialId = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      List<ObjectNode> items = new ArrayList<>();
      for (ObjectNode other : othersOnPosts) {
        if (other.path("post_id").asText().equals(socialId)) {
          items.add(
              commentItem(
                  socialId,
                  other.path("author_id").asText(),
                  other.path("text").asText(),
                  "c-" + items.size()));
        }
      }
      for (ObjectNode comment : comments) {
        if (comment.path("post_id").asText().equals(socialId)) {
          items.add(
              commentItem(
                  socialId,
                  memberOf(comment.path("account_id").asText()),
                  comment.path("text").asText(),
                  "c-" + items.size()));
        }
      }
      ok(exchange, 200, paged("CommentList", items, query));
    } else if (method.equals("GET") && (m = match("/users/([^/]+)/posts", path)) != null) {
      Person person = byProviderId.get(m.group(1));
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "PostList");
      ArrayNode items = body.putArray("items");
      if (person != null) {
        person.posts.forEach(items::add);
      }
      body.putNull("cursor");
      ok(exchange, 200, body);
    } else if (method.equals("GET")
        && (m = match("/users/([^/]+)", path)) != null
        && "sales_navigator".equals(query.get("linkedin_api"))) {
      // Sales Navigator knows people by their own id only, not by the public identifier
      Person person = byLeadId.get(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
      if (person == null || !query.containsKey("account_id")) {
        error(exchange, 404, "errors/resource_not_found", "User not found.");
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "UserProfile");
      body.put("provider", "LINKEDIN");
      body.put("provider_id", m.group(1));
      body.put("public_identifier", person.slug);
      ok(exchange, 200, body);
    } else if (method.equals("GET") && (m = match("/users/([^/]+)", path)) != null) {
      String slug = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      Person person = lenient ? bySlug.computeIfAbsent(slug, this::newcomer) : bySlug.get(slug);
      if (person == null || !query.containsKey("account_id")) {
        error(exchange, 404, "errors/resource_not_found", "User not found.");
        return;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "UserProfile");
      body.put("provider", "LINKEDIN");
      body.put("provider_id", person.providerId);
      body.put("public_identifier", person.slug);
      body.put("network_distance", person.distance);
      body.put("is_open_profile", person.openProfile);
      body.put("can_send_inmail", true);
      invitations.values().stream()
          .filter(i -> i.path("invited_user_id").asText().equals(person.providerId))
          .findFirst()
          .ifPresent(
              i -> body.putObject("invitation").put("type", "SENT").put("status", "PENDING"));
      ok(exchange, 200, body);
    } else if (method.equals("POST") && path.equals("/chats")) {
      if (!multipart) {
        error(exchange, 400, "errors/invalid_parameters", "multipart/form-data expected.");
        return;
      }
      Person person = byProviderId.get(fields.get("attendees_ids"));
      if (person == null) {
        error(exchange, 404, "errors/resource_not_found", "Attendee not found.");
        return;
      }
      boolean inmail = "true".equals(fields.get("linkedin[inmail]"));
      if (!inmail && !"FIRST_DEGREE".equals(person.distance)) {
        error(
            exchange,
            422,
            "errors/no_connection_with_recipient",
            "The recipient is not a 1st-degree connection.");
        return;
      }
      String chatId =
          chatWith.computeIfAbsent(person.providerId, p -> "chat-" + ids.incrementAndGet());
      String messageId = message(chatId, person.providerId, fields.get("text"), true);
      ok(
          exchange,
          201,
          JSON.createObjectNode()
              .put("object", "ChatStarted")
              .put("chat_id", chatId)
              .put("message_id", messageId));
      answered(
          "POST /chats",
          fields.get("account_id"),
          person.providerId,
          inmail ? "inmail" : "message");
    } else if (method.equals("POST") && (m = match("/chats/([^/]+)/messages", path)) != null) {
      if (!multipart) {
        error(exchange, 400, "errors/invalid_parameters", "multipart/form-data expected.");
        return;
      }
      String chatId = m.group(1);
      String providerId =
          chatWith.entrySet().stream()
              .filter(e -> e.getValue().equals(chatId))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(null);
      if (providerId == null) {
        error(exchange, 404, "errors/resource_not_found", "Chat not found.");
        return;
      }
      String messageId = message(chatId, providerId, fields.get("text"), true);
      ok(
          exchange,
          201,
          JSON.createObjectNode().put("object", "MessageSent").put("message_id", messageId));
      answered("POST /chats/{id}/messages", "", providerId, "message");
    } else if (method.equals("GET")
        && (m = match("/chat_attendees/([^/]+)/messages", path)) != null) {
      String attendee = m.group(1);
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "MessageList");
      ArrayNode items = body.putArray("items");
      messages.stream()
          .filter(msg -> msg.path("attendee").asText().equals(attendee))
          .forEach(items::add);
      body.putNull("cursor");
      ok(exchange, 200, body);
    } else if (method.equals("POST") && path.equals("/posts/reaction")) {
      if (!json) {
        error(exchange, 400, "errors/invalid_parameters", "JSON body expected.");
        return;
      }
      reactions.add((ObjectNode) JSON.valueToTree(fields));
      ok(exchange, 201, JSON.createObjectNode().put("object", "ReactionAdded"));
      answered(
          "POST /posts/reaction",
          fields.get("account_id"),
          postAuthor(fields.get("post_id")),
          fields.getOrDefault("reaction_type", ""));
    } else if (method.equals("POST") && (m = match("/posts/([^/]+)/comments", path)) != null) {
      if (!json) {
        error(exchange, 400, "errors/invalid_parameters", "JSON body expected.");
        return;
      }
      String text = fields.getOrDefault("text", "");
      if (text.isEmpty() || text.length() > 1250) {
        error(exchange, 400, "errors/invalid_parameters", "text must be 1 to 1250 characters");
        return;
      }
      ObjectNode comment = (ObjectNode) JSON.valueToTree(fields);
      comment.put("post_id", URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
      comments.add(comment);
      ok(exchange, 201, JSON.createObjectNode().put("object", "CommentSent"));
      answered(
          "POST /posts/{id}/comments",
          fields.get("account_id"),
          postAuthor(comment.path("post_id").asText()),
          "comment");
    } else if (method.equals("GET") && path.equals("/linkedin/inmail_balance")) {
      ObjectNode body = JSON.createObjectNode();
      body.put("object", "InMailBalance");
      if (premiumCredits == null) {
        body.putNull("premium");
      } else {
        body.put("premium", premiumCredits);
      }
      body.putNull("recruiter");
      if (salesNavigatorCredits == null) {
        body.putNull("sales_navigator");
      } else {
        body.put("sales_navigator", salesNavigatorCredits);
      }
      ok(exchange, 200, body);
    } else if (method.equals("POST") && path.equals("/webhooks")) {
      if (!json) {
        error(exchange, 400, "errors/invalid_parameters", "JSON body expected.");
        return;
      }
      webhooks.add(JSON.valueToTree(fields));
      ok(
          exchange,
          201,
          JSON.createObjectNode()
              .put("object", "WebhookCreated")
              .put("webhook_id", "wh-" + ids.incrementAndGet()));
    } else {
      error(exchange, 404, "errors/resource_not_found", "No route " + method + " " + path);
    }
  }

  /** One page of {@code all} by the numeric cursor, with the next cursor or null at the end. */
  private ObjectNode paged(String object, List<ObjectNode> all, Map<String, String> query) {
    int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
    ObjectNode body = JSON.createObjectNode();
    body.put("object", object);
    ArrayNode items = body.putArray("items");
    all.subList(Math.min(from, all.size()), Math.min(all.size(), from + page)).forEach(items::add);
    if (from + page < all.size()) {
      body.put("cursor", String.valueOf(from + page));
    } else {
      body.putNull("cursor");
    }
    return body;
  }

  /** A reaction as {@code GET /posts/{id}/reactions} lists it. */
  private static ObjectNode reactionItem(String socialId, String author, String value) {
    ObjectNode item = JSON.createObjectNode();
    item.put("object", "PostReaction");
    item.put("value", value);
    item.put("post_id", socialId);
    ObjectNode by = item.putObject("author");
    by.put("id", author);
    by.put("type", "INDIVIDUAL");
    by.put("name", author);
    by.put("headline", "");
    by.put("profile_url", "https://www.linkedin.com/in/" + author);
    by.put("network_distance", "SECOND_DEGREE");
    return item;
  }

  /** A comment as {@code GET /posts/{id}/comments} lists it. */
  private static ObjectNode commentItem(String socialId, String author, String text, String id) {
    ObjectNode item = JSON.createObjectNode();
    item.put("object", "Comment");
    item.put("id", id);
    item.put("post_id", socialId);
    item.put("date", "1h");
    item.put("author", author);
    ObjectNode details = item.putObject("author_details");
    details.put("id", "urn:li:fsd_profile:" + author);
    details.put("headline", "");
    details.put("profile_url", "https://www.linkedin.com/in/" + author);
    details.put("network_distance", "SECOND_DEGREE");
    item.put("text", text);
    item.put("reaction_counter", 0);
    item.put("reply_counter", 0);
    return item;
  }

  /** Someone looked up for the first time (standalone): second degree, one recent post. */
  private Person newcomer(String slug) {
    Person person = new Person(slug, "ACo" + slug, "SECOND_DEGREE");
    byProviderId.put(person.providerId, person);
    // A numeric activity id, as LinkedIn gives its posts.
    post(
        person,
        "urn:li:activity:" + (7_000_000_000_000_000_000L + Math.abs((long) slug.hashCode())),
        "A recent post by " + slug);
    return person;
  }

  /** The provider id of the person who wrote the post, or the post's id when unknown. */
  private String postAuthor(String socialId) {
    for (Person person : byProviderId.values()) {
      for (ObjectNode post : person.posts) {
        if (post.path("social_id").asText().equals(socialId)) {
          return person.providerId;
        }
      }
    }
    return socialId;
  }

  private String message(String chatId, String attendee, String text, boolean fromAccount) {
    String id = "msg-" + ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("object", "Message");
    message.put("id", id);
    message.put("account_id", ACCOUNT);
    message.put("chat_id", chatId);
    message.put("text", text);
    message.put("is_sender", fromAccount ? 1 : 0);
    message.put("attendee", attendee);
    messages.add(0, message);
    return id;
  }

  private static Matcher match(String pattern, String path) {
    Matcher m = Pattern.compile("^" + pattern + "$").matcher(path);
    return m.matches() ? m : null;
  }

  private static void ok(HttpExchange exchange, int status, JsonNode body) throws IOException {
    send(exchange, status, body);
  }

  private static void error(HttpExchange exchange, int status, String type, String detail)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", status);
    body.put("type", type);
    body.put("title", type.replace("errors/", "").replace('_', ' '));
    body.put("detail", detail);
    send(exchange, status, body);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  /** A JSON object's top-level fields as text, or a multipart form's fields. */
  private static Map<String, String> fields(String contentType, String body) throws IOException {
    Map<String, String> fields = new HashMap<>();
    if (contentType == null || body.isEmpty()) {
      return fields;
    }
    if (contentType.startsWith("application/json")) {
      JsonNode node = JSON.readTree(body);
      node.fields()
          .forEachRemaining(
              e ->
                  fields.put(
                      e.getKey(),
                      e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    } else if (contentType.startsWith("multipart/form-data")) {
      String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
      for (String part : body.split("--" + Pattern.quote(boundary))) {
        Matcher name =
            Pattern.compile(
                    "(?s)^\\r\\nContent-Disposition: form-data; name=\"([^\"]+)\"\\r\\n\\r\\n(.*)\\r\\n$")
                .matcher(part);
        if (name.matches()) {
          fields.put(name.group(1), name.group(2));
        }
      }
    }
    return fields;
  }
}
