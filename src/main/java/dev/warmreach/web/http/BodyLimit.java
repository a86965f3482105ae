package dev.warmreach.web.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How many bytes of a request body the server reads: {@link #JSON_BYTES} for JSON and forms, {@link
 * #CSV_BYTES} for a CSV import. Bytes are counted as they are read, whatever the framing (a
 * declared length or chunks), so an oversized body ends in a 413 problem naming the route's limit
 * after at most that many bytes, and memory stays bounded. Multipart uploads are parsed by Jetty,
 * which counts them against the same CSV limit (see {@code WebServer}). Thread-safe.
 */
public final class BodyLimit implements Filter {

  /** A JSON or form body: 1 MB, a thousand events with room to spare. */
  public static final long JSON_BYTES = 1_000_000;

  /** A CSV import: 50 MiB, a few hundred thousand rows of a LinkedIn or CRM export. */
  public static final long CSV_BYTES = 50L * 1024 * 1024;

  /** The limit of one route, and what to do instead when a body is over it. */
  public record Limit(long bytes, String advice) {
    String describe() {
      return bytes % (1024 * 1024) == 0
          ? bytes / (1024 * 1024) + " MiB"
          : bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : bytes + " bytes";
    }

    /** The 413 problem for a body over this limit. */
    public ProblemException tooLarge() {
      return new ProblemException(
          ProblemException.problem(
              "content-too-large",
              "Content too large",
              413,
              "the request body is larger than "
                  + describe()
                  + " ("
                  + bytes
                  + " bytes), the limit of this route; "
                  + advice));
    }
  }

  static final Limit JSON =
      new Limit(JSON_BYTES, "send less, e.g. events in batches of at most 1000 (docs/api.md)");

  static final Limit CSV =
      new Limit(
          CSV_BYTES,
          "split the file into smaller ones, or import it with 'warmreach import FILE', which has"
              + " no such limit");

  /** The limit for a request to {@code path}. */
  public static Limit limitFor(String path) {
    String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
    return p.equals("/api/prospects/import") || p.equals("/prospects/import") ? CSV : JSON;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http) {
      chain.doFilter(new Limited(http, limitFor(http.getRequestURI())), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** A request whose body stream stops at its limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final Limit limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, Limit limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counted(super.getInputStream(), limit, getContentLengthLong());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /** Counts the bytes read and refuses the first one over the limit. */
  private static final class Counted extends ServletInputStream {
    private final ServletInputStream in;
    private final Limit limit;
    private final long declared;
    private long read;

    Counted(ServletInputStream in, Limit limit, long declared) {
      this.in = in;
      this.limit = limit;
      this.declared = declared;
    }

    @Override
    public int read() throws IOException {
      refuseDeclaredOverLimit();
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      refuseDeclaredOverLimit();
      // Never ask for more than one byte past the limit, so no more than that is ever held.
      int asked = (int) Math.min(length, Math.max(1, limit.bytes() + 1 - read));
      int n = in.read(buffer, offset, asked);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void refuseDeclaredOverLimit() {
      if (declared > limit.bytes()) {
        throw limit.tooLarge();
      }
    }

    private void count(int n) {
      read += n;
      if (read > limit.bytes()) {
        throw limit.tooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
