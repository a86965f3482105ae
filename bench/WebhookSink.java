import com.sun.net.httpserver.HttpServer;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver for bench/chaos.sh: answers every POST with 200 and appends one line per
 * delivery to LOG after answering, {@code IDEMPOTENCY_KEY<TAB>WEBHOOK_ID<TAB>TYPE}. Runs until
 * killed.
 *
 * <pre>java bench/WebhookSink.java PORT LOG</pre>
 */
public final class WebhookSink {
  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    Writer log =
        Files.newBufferedWriter(
            Path.of(args[1]),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 64);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.getResponseBody().flush();
            Matcher type = TYPE.matcher(body);
            String line =
                exchange.getRequestHeaders().getFirst("Idempotency-Key")
                    + "\t"
                    + exchange.getRequestHeaders().getFirst("webhook-id")
                    + "\t"
                    + (type.find() ? type.group(1) : "")
                    + "\n";
            synchronized (log) {
              log.write(line);
              log.flush();
            }
          }
        });
    server.start();
    System.out.println("webhook sink on http://127.0.0.1:" + server.getAddress().getPort());
  }
}
