package dev.warmreach.execute.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on 127.0.0.1 that speaks the real protocol but answers RCPT TO with a reply
 * the test chooses, e.g. a 550 or a 451: GreenMail accepts every recipient. It can also run a check
 * when DATA arrives and hang up after a message instead of answering it (a server that took the
 * email and the connection that broke before its answer).
 */
final class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread thread;
  private final AtomicInteger messages = new AtomicInteger();
  private final Runnable atData;
  private final boolean hangUpAfterMessage;
  private volatile String greeting = "";

  ScriptedSmtpServer(String rcptReply) throws IOException {
    this(rcptReply, () -> {}, false);
  }

  ScriptedSmtpServer(String rcptReply, Runnable atData, boolean hangUpAfterMessage)
      throws IOException {
    this.atData = atData;
    this.hangUpAfterMessage = hangUpAfterMessage;
    socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                  converse(client, rcptReply);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  private void converse(Socket client, String rcptReply) throws IOException {
    var in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
    out.print("220 scripted ESMTP\r\n");
    out.flush();
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
      if (verb.equals("DATA")) {
        atData.run();
        out.print("354 go ahead\r\n");
        out.flush();
        while ((line = in.readLine()) != null && !line.equals(".")) {
          // the message
        }
        messages.incrementAndGet();
        if (hangUpAfterMessage) {
          return; // took it, and the connection breaks before the answer
        }
        out.print("250 queued\r\n");
        out.flush();
        continue;
      }
      if (verb.equals("EHLO") || verb.equals("HELO")) {
        greeting = line;
      }
      String reply =
          switch (verb) {
            case "EHLO", "HELO" -> "250 scripted";
            case "RCPT" -> rcptReply;
            case "QUIT" -> "221 bye";
            default -> "250 OK";
          };
      out.print(reply + "\r\n");
      out.flush();
      if (verb.equals("QUIT")) {
        return;
      }
    }
  }

  /** How many messages it received whole. */
  int messages() {
    return messages.get();
  }

  /** The client's last EHLO (or HELO) line, e.g. {@code EHLO example.com}. */
  String greeting() {
    return greeting;
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
