package dev.warmreach.execute.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP server on 127.0.0.1 that speaks the real protocol but answers RCPT TO with a reply
 * the test chooses, e.g. a 550 or a 451: GreenMail accepts every recipient.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread thread;

  ScriptedSmtpServer(String rcptReply) throws IOException {
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

  private static void converse(Socket client, String rcptReply) throws IOException {
    var in =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
    out.print("220 scripted ESMTP\r\n");
    out.flush();
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
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

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
