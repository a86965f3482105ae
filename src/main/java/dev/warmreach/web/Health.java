package dev.warmreach.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /health}: open to all, for load balancers and monitors; 503 when the store is down.
 */
final class Health {

  private final BooleanSupplier storeReachable;

  Health(BooleanSupplier storeReachable) {
    this.storeReachable = storeReachable;
  }

  void check(Context ctx) {
    boolean up = storeReachable.getAsBoolean();
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(
            Map.of("status", up ? "ok" : "unavailable", "store", up ? "reachable" : "unreachable"));
  }
}
