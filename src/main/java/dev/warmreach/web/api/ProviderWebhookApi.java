package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.execute.provider.ProviderEvents;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /api/provider/webhook}: what the LinkedIn provider posts back (new relations,
 * messages, account statuses). The provider signs nothing, so the request must carry the
 * workspace's secret in {@link ProviderSetup#SECRET_HEADER}, as registered with the webhook; the
 * route is otherwise open. {@code POST /api/provider/linked?secret=…} is the hosted-auth link's
 * notify URL: it stores the provider's account id for the sender account named in it.
 */
public final class ProviderWebhookApi {

  private final ProviderSetup setup;
  private final ProviderEvents events;
  private final Clock clock;
  private final ObjectMapper json;

  public ProviderWebhookApi(
      ProviderSetup setup, ProviderEvents events, Clock clock, ObjectMapper json) {
    this.setup = setup;
    this.events = events;
    this.clock = clock;
    this.json = json;
  }

  public void receive(Context ctx) {
    if (!setup.webhookSecretMatches(ctx.header(ProviderSetup.SECRET_HEADER))) {
      throw ProblemException.unauthorized(
          "missing or wrong "
              + ProviderSetup.SECRET_HEADER
              + " header: register the provider's webhooks with `warmreach settings provider"
              + " unipile … --public-url URL`, which sets it");
    }
    JsonNode payload = Requests.json(ctx, json);
    ProviderEvents.Outcome outcome = events.receive(payload, clock.instant());
    ctx.json(Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
  }

  public void linked(Context ctx) {
    if (!setup.webhookSecretMatches(ctx.queryParam("secret"))) {
      throw ProblemException.unauthorized("missing or wrong secret in the notify URL");
    }
    JsonNode payload = Requests.json(ctx, json);
    if (!"CREATION_SUCCESS".equals(payload.path("status").asText())
        && !"RECONNECTED".equals(payload.path("status").asText())) {
      ctx.json(Map.of("outcome", "ignored"));
      return;
    }
    String name = payload.path("name").asText("");
    String accountId = payload.path("account_id").asText("");
    if (name.isBlank() || accountId.isBlank()) {
      throw ProblemException.badRequest("the notify payload needs a name and an account_id");
    }
    setup.links().linkAccount(name, accountId, "OK", clock.instant());
    ctx.json(Map.of("outcome", "recorded"));
  }
}
