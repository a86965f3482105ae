package dev.warmreach.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name a node of {@code run} or {@code serve} goes by in the database: the same for the same
 * home folder on the same host, so a restarted node recognises the claims it left behind. Nodes
 * sharing one database each need a home folder of their own.
 */
final class NodeName {

  private NodeName() {}

  static String of(Path home) {
    String host = host();
    String folder = home.toAbsolutePath().normalize().toString();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((host + "\n" + folder).getBytes(StandardCharsets.UTF_8));
      String shortHost = host.replaceAll("[^A-Za-z0-9.-]", "").toLowerCase(Locale.ROOT);
      return "node-"
          + (shortHost.length() > 40 ? shortHost.substring(0, 40) : shortHost)
          + "-"
          + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fromEnv = System.getenv("HOSTNAME");
      return fromEnv == null ? "localhost" : fromEnv;
    }
  }
}
