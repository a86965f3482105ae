package dev.warmreach.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.email.Unsubscribes;
import dev.warmreach.execute.provider.ProviderEvents;
import dev.warmreach.forecast.ForecastLimits;
import dev.warmreach.store.StoreException;
import dev.warmreach.web.api.AccountsApi;
import dev.warmreach.web.api.AnalyticsApi;
import dev.warmreach.web.api.CampaignsApi;
import dev.warmreach.web.api.DncApi;
import dev.warmreach.web.api.EventsApi;
import dev.warmreach.web.api.ProspectsApi;
import dev.warmreach.web.api.ProviderWebhookApi;
import dev.warmreach.web.api.TasksApi;
import dev.warmreach.web.api.UnsubscribeApi;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.Authentication;
import dev.warmreach.web.auth.FirstAdmin;
import dev.warmreach.web.auth.Sessions;
import dev.warmreach.web.auth.SignIn;
import dev.warmreach.web.auth.UserAccounts;
import dev.warmreach.web.auth.UsersApi;
import dev.warmreach.web.http.BodyLimit;
import dev.warmreach.web.http.ForecastRuns;
import dev.warmreach.web.http.PathTraversal;
import dev.warmreach.web.http.Problem;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import dev.warmreach.web.http.StoreFailures;
import dev.warmreach.web.metrics.ServerMetrics;
import dev.warmreach.web.pages.AccountsPage;
import dev.warmreach.web.pages.AnalyticsPage;
import dev.warmreach.web.pages.Assets;
import dev.warmreach.web.pages.CampaignCoach;
import dev.warmreach.web.pages.CampaignsPages;
import dev.warmreach.web.pages.Pages;
import dev.warmreach.web.pages.ProspectsPages;
import dev.warmreach.web.pages.SettingsPage;
import dev.warmreach.web.pages.SignInPage;
import dev.warmreach.web.pages.TodayPage;
import dev.warmreach.web.pages.Views;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server (Javalin on Jetty): maps requests to the workspace's use cases and answers
 * mistakes as RFC 9457 problem details. Stopping it stops taking connections and lets requests in
 * flight finish (up to {@link Settings#stopTimeout}). Thread-safe.
 */
public final class WebServer {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** Where to listen, how to treat cookies, and how large and long a forecast may be. */
  public record Settings(
      String host,
      int port,
      boolean secureCookies,
      Duration sessionLifetime,
      Duration stopTimeout,
      ForecastLimits forecastLimits) {
    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(forecastLimits, "forecastLimits");
    }

    public static Settings defaults() {
      return new Settings(
          "127.0.0.1",
          8080,
          false,
          Duration.ofHours(12),
          Duration.ofSeconds(30),
          ForecastLimits.DEFAULT);
    }

    public Settings on(String host, int port) {
      return new Settings(host, port, secureCookies, sessionLifetime, stopTimeout, forecastLimits);
    }

    public Settings withSecureCookies(boolean secure) {
      return new Settings(host, port, secure, sessionLifetime, stopTimeout, forecastLimits);
    }

    public Settings withForecastLimits(ForecastLimits limits) {
      return new Settings(host, port, secureCookies, sessionLifetime, stopTimeout, limits);
    }
  }

  /** A registered route: its method, path and who may call it. */
  public record Route(String method, String path, Set<String> access) {}

  private final Javalin javalin;
  private final Settings settings;
  private final List<Route> routes;
  private final ForecastRuns forecasts;

  private WebServer(
      Javalin javalin, Settings settings, List<Route> routes, ForecastRuns forecasts) {
    this.javalin = javalin;
    this.settings = settings;
    this.routes = routes;
    this.forecasts = forecasts;
  }

  /** Builds the server for {@code workspace}; {@link #start} opens the port. */
  public static WebServer create(Workspace workspace, Settings settings) {
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    UserAccounts accounts = new UserAccounts(workspace.users());
    Sessions sessions =
        new Sessions(
            workspace.users(),
            workspace.clock(),
            settings.sessionLifetime(),
            settings.secureCookies());
    Authentication authentication =
        new Authentication(workspace.users(), sessions, workspace.clock());
    ForecastRuns forecasts = new ForecastRuns(settings.forecastLimits());
    ServerMetrics metrics =
        new ServerMetrics(
            workspace.analytics(),
            workspace.accounts(),
            workspace.providerLinks(),
            workspace.clock());
    Routes.Handlers handlers =
        new Routes.Handlers(
            new Health(workspace.storeReachable()),
            new SignIn(accounts, sessions, json, workspace.clock()),
            new FirstAdmin(workspace.users(), accounts, workspace.clock(), json),
            new ApiTokens(workspace.users(), workspace.clock(), json, authentication::forgetTokens),
            new UsersApi(workspace.users(), accounts, json),
            new EventsApi(
                workspace.engineSteps(),
                workspace.prospects(),
                workspace.signalIntake(),
                workspace.clock(),
                json,
                metrics::eventReceived),
            new ProviderWebhookApi(
                workspace.providerSetup(),
                new ProviderEvents(
                    workspace.providerLinks(), workspace.prospects(), workspace.engineSteps()),
                workspace.clock(),
                json),
            new UnsubscribeApi(
                new Unsubscribes(
                    workspace.outboundSettings()::mailKey,
                    workspace.doNotContact(),
                    workspace.deliveries(),
                    workspace.engineSteps()),
                workspace.clock()),
            new DncApi(workspace.doNotContact(), json),
            metrics,
            new AccountsApi(
                workspace.accounts(), workspace.providerSetup(), workspace.clock(), json),
            new ProspectsApi(workspace.prospects(), workspace.prospectImport()),
            new CampaignsApi(
                workspace.campaigns(),
                workspace.accounts(),
                workspace.analytics(),
                workspace.clock(),
                json,
                workspace.campaignSetup(),
                workspace.campaignPlan(),
                workspace.campaignForecast(),
                forecasts,
                workspace.signalIntake()),
            new TasksApi(
                workspace.taskInbox(),
                workspace.accounts(),
                workspace.prospects(),
                workspace.clock(),
                json),
            new AnalyticsApi(workspace.outreachAnalytics(), workspace.clock()),
            new OpenApiDocument(),
            pages(
                workspace,
                new Views(Assets.fromWebjars()),
                authentication::forgetTokens,
                forecasts));
    List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    Javalin javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.http.defaultContentType = "application/json";
              // The dashboard's own stylesheet and script, and htmx and Chart.js from webjars
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/assets";
                    files.directory = "/public";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
              config.staticFiles.enableWebjars();
              config.jetty.defaultHost = settings.host();
              // Path tricks are refused before any route or file is looked up.
              config.jetty.modifyServletContextHandler(
                  handler ->
                      handler.addFilter(
                          new FilterHolder(new PathTraversal(json)),
                          "/*",
                          EnumSet.of(DispatcherType.REQUEST)));
              // Bodies are counted as they are read, each route against its own limit; Javalin's
              // own check (on the declared length only) is set to the largest of them.
              config.http.maxRequestSize = BodyLimit.CSV_BYTES;
              config.jetty.modifyServletContextHandler(
                  context ->
                      context.addFilter(
                          new FilterHolder(new BodyLimit()),
                          "/*",
                          EnumSet.of(DispatcherType.REQUEST)));
              // Jetty reads multipart uploads itself: it counts them against the CSV limit and
              // keeps parts over 1 MB on disk, not in memory.
              config.jetty.multipartConfig.maxTotalRequestSize(BodyLimit.CSV_BYTES, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxFileSize(BodyLimit.CSV_BYTES, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
              config.jetty.modifyServer(
                  server -> server.setStopTimeout(settings.stopTimeout().toMillis()));
              config.requestLogger.http(
                  (ctx, millis) ->
                      metrics.requestServed(
                          ctx.method().name(),
                          route(ctx),
                          ctx.statusCode(),
                          (long) (millis * 1_000_000)));
              config.events(
                  events ->
                      events.handlerAdded(
                          meta -> {
                            if (meta.getHttpMethod().isHttpMethod()) {
                              routes.add(
                                  new Route(
                                      meta.getHttpMethod().name(),
                                      meta.getPath(),
                                      meta.getRoles().stream()
                                          .map(Object::toString)
                                          .collect(Collectors.toUnmodifiableSet())));
                            }
                          }));
              config.router.mount(
                  router -> {
                    router.beforeMatched(authentication);
                    router.beforeMatched(Requests::refuseNulInParameters);
                    Routes.register(router, handlers);
                    router.exception(
                        ProblemException.class, (e, ctx) -> send(ctx, e.problem(), json));
                    router.exception(
                        HttpResponseException.class,
                        (e, ctx) ->
                            send(
                                ctx,
                                ProblemException.problem(
                                    "http-" + e.getStatus(),
                                    title(e),
                                    e.getStatus(),
                                    detail(ctx, e)),
                                json));
                    router.exception(
                        StoreException.class,
                        (e, ctx) -> {
                          Problem problem = StoreFailures.problem(e);
                          if (problem.status() == 503) {
                            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                            ctx.header("Retry-After", StoreFailures.RETRY_AFTER_SECONDS);
                          } else {
                            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                          }
                          send(ctx, problem, json);
                        });
                    router.exception(
                        UserError.class,
                        (e, ctx) ->
                            send(
                                ctx,
                                ProblemException.problem(
                                    "user-error", "Cannot do that", 422, e.getMessage()),
                                json));
                    router.exception(
                        Exception.class,
                        (e, ctx) -> {
                          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                          send(
                              ctx,
                              ProblemException.problem(
                                  "internal",
                                  "Internal server error",
                                  500,
                                  "the server failed; the log has the details"),
                              json);
                        });
                  });
            });
    return new WebServer(javalin, settings, routes, forecasts);
  }

  /**
   * The route a request matched, as its pattern ({@code /api/prospects/{id}}), for the request
   * metrics; static files and unmatched paths are one route each, so no path becomes a series.
   */
  private static String route(Context ctx) {
    if (ctx.statusCode() == 404) {
      return "NOT_FOUND";
    }
    String path = ctx.path();
    if (path.startsWith("/assets/") || path.startsWith("/webjars/")) {
      return "/assets/**";
    }
    try {
      String matched = ctx.endpointHandlerPath();
      return matched == null || matched.isEmpty() ? "UNKNOWN" : matched;
    } catch (RuntimeException noEndpoint) {
      return "UNKNOWN";
    }
  }

  private static String title(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      default -> "HTTP " + e.getStatus();
    };
  }

  private static String detail(Context ctx, HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> "no route " + ctx.method() + " " + ctx.path() + "; docs/api.md lists the API";
      case 413 -> BodyLimit.limitFor(ctx.path()).tooLarge().getMessage();
      default -> e.getMessage();
    };
  }

  /**
   * The dashboard's pages, each given the parts of the workspace it needs; {@code forgetTokens}
   * forgets the API tokens the server remembers, so a token revoked on a page stops working at
   * once; {@code forecasts} runs the Forecast button's forecasts within the server's limits.
   */
  private static Pages pages(
      Workspace w, Views views, Runnable forgetTokens, ForecastRuns forecasts) {
    return new Pages(
        new SignInPage(views),
        new TodayPage(
            w.taskInbox(),
            w.prospects(),
            w.accounts(),
            w.clock(),
            views,
            w.signalIntake(),
            w.providerSetup()),
        new ProspectsPages(
            w.prospects(),
            w.campaigns(),
            w.analytics(),
            w.touches(),
            w.accounts(),
            w.clock(),
            w.prospectImport(),
            views),
        new CampaignsPages(
            w.campaigns(),
            w.accounts(),
            w.analytics(),
            w.clock(),
            w.campaignSetup(),
            w.campaignPlan(),
            w.campaignForecast(),
            forecasts,
            new CampaignCoach(w.coach()),
            views),
        new AccountsPage(w.accounts(), w.prospects(), w.providerSetup(), w.clock(), views),
        new AnalyticsPage(w.campaigns(), w.outreachAnalytics(), w.clock(), views),
        new SettingsPage(
            w.deliveries(),
            w.users(),
            w.clock(),
            w.outboundSettings(),
            w.providerSetup(),
            views,
            forgetTokens));
  }

  private static void send(Context ctx, Problem problem, ObjectMapper json) {
    if (problem.status() == 413) {
      // The rest of the body is not read: close the connection rather than drain it.
      ctx.header("Connection", "close");
    }
    try {
      ctx.status(problem.status())
          .contentType(Problem.MEDIA_TYPE)
          .result(json.writeValueAsString(problem));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a problem that cannot be written as JSON", e);
    }
  }

  /**
   * Opens the port.
   *
   * @throws UserError when the address cannot be listened on (taken, or not this machine's)
   */
  public WebServer start() {
    try {
      javalin.start(settings.host(), settings.port());
    } catch (Exception e) {
      // Jetty hides a failed bind behind its graceful stop ("STOPPED"): find the reason again.
      String reason = whyCannotListen(settings.host(), settings.port());
      if (reason != null) {
        throw new UserError(
            "cannot listen on "
                + settings.host()
                + ":"
                + settings.port()
                + " ("
                + reason
                + "); choose another --port or --bind, or stop what uses it",
            e);
      }
      throw e;
    }
    return this;
  }

  private static String whyCannotListen(String host, int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return javalin.port();
  }

  /**
   * Stops the forecasts running for requests (they answer 503 at once), stops taking connections,
   * lets requests in flight finish (up to the stop timeout), then closes the port.
   */
  public void stop() {
    forecasts.close();
    javalin.stop();
  }

  /** Every registered route, for the test that proves each needs authentication. */
  public List<Route> routes() {
    synchronized (routes) {
      return List.copyOf(routes);
    }
  }

  /** The server's base address, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port();
  }
}
