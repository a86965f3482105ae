import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for POST /api/events against a running `warmreach serve` (run with `java
 * bench/EventsLoad.java`). K clients post N events in all, one event per request (or --batch B per
 * request), spread over prospects 1..P, and it prints events/s and p50/p99/max latency. A warm-up
 * of W events runs first and is not counted. Not a test: figures go to docs/benchmarks.md.
 *
 * <p>Each client keeps one HTTP/1.1 connection open and speaks the protocol over a plain socket:
 * the driver shares the machine with the server, so it should cost as little CPU as it can.
 *
 * <p>Usage: EventsLoad BASE_URL TOKEN [--events N] [--clients K] [--prospects P] [--batch B]
 * [--warmup W]
 */
public final class EventsLoad {

  private static final String[] KINDS = {
    "{\"kind\": \"signal\", \"signal\": \"relevant_post\", \"detail\": \"posted on SDR hiring\"",
    "{\"kind\": \"post_published\", \"topic\": \"outbound\"",
    "{\"kind\": \"message_received\"",
    "{\"kind\": \"accepted\""
  };

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    int events = option(args, "--events", 20_000);
    int clients = option(args, "--clients", 8);
    int prospects = option(args, "--prospects", 300);
    int batch = option(args, "--batch", 1);
    int warmup = option(args, "--warmup", 2_000);
    if (events > 1_000_000 || clients > 256 || batch > 1000) {
      throw new IllegalArgumentException("keep it bounded: events ≤ 1,000,000, clients ≤ 256");
    }
    URI http = URI.create(base);
    String run = Long.toString(System.nanoTime(), 36);
    drive(http, token, "w" + run, warmup, clients, prospects, batch);
    Result result = drive(http, token, run, events, clients, prospects, batch);
    long[] micros = result.latencies;
    Arrays.sort(micros);
    System.out.printf(
        "%d events in %d requests by %d clients (batch %d): %.1f s, %.0f events/s;"
            + " latency per request p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d%n",
        events,
        micros.length,
        clients,
        batch,
        result.seconds,
        events / result.seconds,
        micros[micros.length / 2] / 1000.0,
        micros[(int) Math.min(micros.length - 1, Math.ceil(micros.length * 0.99) - 1)] / 1000.0,
        micros[micros.length - 1] / 1000.0,
        result.errors);
    if (result.errors > 0) {
      System.exit(1);
    }
  }

  record Result(double seconds, long[] latencies, long errors) {}

  private static Result drive(
      URI http,
      String token,
      String run,
      int events,
      int clients,
      int prospects,
      int batch)
      throws InterruptedException {
    int requests = (events + batch - 1) / batch;
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      new Thread(
              () -> {
                try (Connection connection = new Connection(http, token)) {
                  for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                    StringBuilder body = new StringBuilder(batch == 1 ? "" : "[");
                    for (int i = r * batch; i < Math.min(events, (r + 1) * batch); i++) {
                      if (i > r * batch) {
                        body.append(',');
                      }
                      body.append(KINDS[i % KINDS.length])
                          .append(", \"prospectId\": ")
                          .append(1 + i % prospects)
                          .append(", \"idempotencyKey\": \"bench-")
                          .append(run)
                          .append('-')
                          .append(i)
                          .append("\"}");
                    }
                    if (batch != 1) {
                      body.append(']');
                    }
                    long sent = System.nanoTime();
                    String response = connection.post("/api/events", body.toString());
                    latencies[r] = (System.nanoTime() - sent) / 1000;
                    if (!response.startsWith("201")) {
                      if (errors.incrementAndGet() <= 3) {
                        System.err.println(response);
                      }
                    }
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                  System.err.println(e);
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    return new Result((System.nanoTime() - start) / 1e9, latencies, errors.get());
  }

  /** One kept-alive HTTP/1.1 connection; just enough of the protocol for this API. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private final String token;

    Connection(URI base, String token) throws IOException {
      this.socket = new Socket(base.getHost(), base.getPort());
      socket.setTcpNoDelay(true);
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream(), 16_384);
      this.host = base.getHost() + ":" + base.getPort();
      this.token = token;
    }

    /** Posts JSON and returns "STATUS BODY". */
    String post(String path, String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
              + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String status = line();
      int length = 0;
      for (String header = line(); !header.isEmpty(); header = line()) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).strip());
        }
      }
      byte[] content = in.readNBytes(length);
      return status.substring(9, 12) + " " + new String(content, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("the server closed the connection");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 2; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
