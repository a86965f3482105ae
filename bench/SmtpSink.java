import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * An SMTP sink for bench/chaos.sh: plain SMTP on 127.0.0.1 (no TLS, no login), accepts every
 * message and, once it has answered 250 to the end of DATA, appends one line per message to LOG:
 * {@code MESSAGE_ID<TAB>RECIPIENT}. Runs until killed.
 *
 * <pre>java bench/SmtpSink.java PORT LOG</pre>
 */
public final class SmtpSink {

  public static void main(String[] args) throws Exception {
    Writer log =
        Files.newBufferedWriter(
            Path.of(args[1]),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    try (ServerSocket server =
        new ServerSocket(Integer.parseInt(args[0]), 64, InetAddress.getLoopbackAddress())) {
      System.out.println("SMTP sink on 127.0.0.1:" + server.getLocalPort());
      while (true) {
        Socket socket = server.accept();
        Thread session = new Thread(() -> session(socket, log));
        session.setDaemon(true);
        session.start();
      }
    }
  }

  private static void session(Socket socket, Writer log) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      say(out, "220 sink ESMTP");
      String recipient = "";
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (verb) {
          case "EHLO" -> say(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "HELO" -> say(out, "250 sink");
          case "MAIL" -> {
            recipient = "";
            say(out, "250 OK");
          }
          case "RCPT" -> {
            recipient = line.substring(line.indexOf(':') + 1).strip();
            say(out, "250 OK");
          }
          case "DATA" -> {
            say(out, "354 go on");
            String messageId = "";
            boolean headers = true;
            String row;
            while ((row = in.readLine()) != null && !row.equals(".")) {
              if (row.isEmpty()) {
                headers = false;
              } else if (headers && row.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = row.substring(11).strip();
              }
            }
            say(out, "250 OK queued");
            synchronized (log) {
              log.write(messageId + "\t" + recipient + "\n");
              log.flush();
            }
          }
          case "QUIT" -> {
            say(out, "221 bye");
            return;
          }
          default -> say(out, "250 OK");
        }
      }
    } catch (Exception e) {
      // the client hung up (or was killed): nothing to keep
    }
  }

  private static void say(OutputStream out, String text) throws java.io.IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
