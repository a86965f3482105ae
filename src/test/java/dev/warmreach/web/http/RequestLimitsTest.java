package dev.warmreach.web.http;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies over real HTTP: each route reads at most its limit, counted on the bytes read
 * whether the length is declared or the body comes in chunks, and bad input of every shape is a 4xx
 * problem, never a 500.
 */
class RequestLimitsTest {

  @TempDir Path home;
  private ServerFixture server;
  private String[] auth;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    auth = server.bearer(server.login("ana@example.com"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aChunkedEventBodyOverOneMegabyteIs413NamingTheLimit() throws Exception {
    // One JSON string of 50 MB, sent in chunks without a declared length
    Chunked response =
        chunked(
            "/api/events",
            "application/json",
            "{\"detail\": \"",
            'x',
            50L * 1024 * 1024,
            2 * BodyLimit.JSON_BYTES);

    assertThat(response.status).as(response.text).isEqualTo(413);
    assertThat(response.text)
        .contains("application/problem+json")
        .contains("larger than 1 MB")
        .contains("1000000 bytes");
    assertThat(response.bytesAccepted)
        .as("the server stopped reading soon after the limit")
        .isLessThan(8L * 1024 * 1024);
  }

  @Test
  void aChunkedCsvOverItsOwnLimitIs413NamingTheImportLimitAndStoresNothing() throws Exception {
    String header = "First Name,Last Name,URL\n";
    Chunked response =
        chunked(
            "/api/prospects/import",
            "text/csv",
            header,
            'a',
            3 * BodyLimit.CSV_BYTES,
            BodyLimit.CSV_BYTES + 1024 * 1024);

    assertThat(response.status).as(response.text).isEqualTo(413);
    assertThat(response.text).contains("larger than 50 MiB").contains("warmreach import");
    assertThat(response.bytesAccepted).isLessThan(BodyLimit.CSV_BYTES + 8L * 1024 * 1024);
    assertThat(server.count("SELECT count(*) FROM prospect")).isZero();
  }

  @Test
  void aCsvLargerThanTheJsonLimitIsImportedAsItFitsTheImportLimit() {
    StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Company,Position\n");
    for (int i = 0; csv.length() <= BodyLimit.JSON_BYTES; i++) {
      csv.append("Zoë,Müller")
          .append(i)
          .append(",https://www.linkedin.com/in/zoe-mueller-")
          .append(i)
          .append(",Acme Industrial Supplies,Head of Sales Development Europe\n");
    }

    HttpResponse<String> response =
        server.post("/api/prospects/import", "text/csv", csv.toString(), auth);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead() {
    String body = "{\"detail\": \"" + "x".repeat(1_100_000) + "\"}";

    assertThatProblem(server.post("/api/events", "application/json", body, auth))
        .hasStatus(413)
        .detailContains("1 MB");
  }

  @Test
  void jsonNestedDeeperThanAThousandLevelsIs400() {
    String deep = "[".repeat(1_500) + "]".repeat(1_500);

    assertThatProblem(server.post("/api/events", "application/json", deep, auth))
        .hasStatus(400)
        .detailContains("nest");
  }

  @Test
  void aMultipartUploadWithoutABoundaryIs400() {
    HttpResponse<String> response =
        server.post(
            "/api/prospects/import",
            "multipart/form-data",
            "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\na,b\r\n--x--\r\n",
            auth);

    assertThatProblem(response).hasStatus(400).detailContains("boundary");
  }

  @Test
  void aCampaignNameWithDotsControlCharactersOrOverAHundredCharactersIs422NamingIt() {
    for (String name : new String[] {"../../etc/passwd", "q3\\u0007founders", "x".repeat(101)}) {
      HttpResponse<String> response =
          server.post(
              "/api/campaigns",
              "application/json",
              "{\"name\": \"" + name + "\", \"accounts\": []}",
              auth);

      assertThatProblem(response).hasStatus(422).namesFields("name", "accounts");
    }
  }

  /** What a raw chunked request got back, and how many bytes the server took before answering. */
  private record Chunked(int status, String text, long bytesAccepted) {}

  /**
   * Sends {@code prefix} then {@code filler} up to {@code size} bytes as chunks of 64 KiB, and
   * stops sending as soon as the server answers (it may close the connection then).
   */
  private Chunked chunked(
      String path, String type, String prefix, char filler, long size, long pauseAfter)
      throws Exception {
    URI base = URI.create(server.server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      CompletableFuture<byte[]> answer =
          CompletableFuture.supplyAsync(
              () -> {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                  for (int n; (n = in.read(buffer)) > 0; ) {
                    got.write(buffer, 0, n);
                    if (got.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")
                        && complete(got.toString(StandardCharsets.UTF_8))) {
                      break;
                    }
                  }
                } catch (IOException e) {
                  // the server closed the connection after answering
                }
                return got.toByteArray();
              });
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + "\r\n"
              + auth[0]
              + ": "
              + auth[1]
              + "\r\nContent-Type: "
              + type
              + "\r\nTransfer-Encoding: chunked\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      long sent = 0;
      try {
        sent += chunk(out, prefix.getBytes(StandardCharsets.UTF_8));
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) filler);
        boolean waited = false;
        while (sent < size && !answer.isDone()) {
          sent += chunk(out, block);
          if (!waited && sent > pauseAfter) {
            // Give the server time to answer on what it has: a server that waits for the whole
            // body does not answer here, and gets all of it below.
            out.flush();
            waited = true;
            try {
              answer.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
              // it did not answer: send the rest
            }
          }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        // the server answered and closed the connection while the body was still coming
      }
      String text = new String(answer.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      return new Chunked(status, text, sent);
    }
  }

  private static boolean complete(String response) {
    int end = response.indexOf("\r\n\r\n");
    String headers = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    int at = headers.indexOf("content-length:");
    if (at < 0) {
      return response.endsWith("0\r\n\r\n");
    }
    int length =
        Integer.parseInt(
            headers
                .substring(
                    at + 15,
                    headers.indexOf("\r\n", at) < 0
                        ? headers.length()
                        : headers.indexOf("\r\n", at))
                .strip());
    return response.length() - end - 4 >= length;
  }

  private static long chunk(OutputStream out, byte[] bytes) throws IOException {
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    return bytes.length;
  }
}
