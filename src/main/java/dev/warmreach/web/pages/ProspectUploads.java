package dev.warmreach.web.pages;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Uploaded CSV files waiting between their preview and the user's go-ahead: in memory, each under a
 * random id and for the user who uploaded it only, for {@link #KEEP} at most. At most {@link
 * #PER_USER} per user and {@link #MAX_TOTAL_BYTES} in all; the oldest go first.
 */
final class ProspectUploads {

  /** The largest file accepted: about 140,000 Sales Navigator rows. */
  static final int MAX_BYTES = 20 * 1024 * 1024;

  static final Duration KEEP = Duration.ofMinutes(30);
  static final int PER_USER = 3;
  static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;

  /** A file held for its preview, with the tags the user asked to add to everyone in it. */
  record Upload(
      String id, long userId, String fileName, byte[] bytes, Set<String> tags, Instant at) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Upload> uploads = new LinkedHashMap<>();

  /** Holds a file and returns its id. */
  synchronized String hold(
      long userId, String fileName, byte[] bytes, Set<String> tags, Instant now) {
    expire(now);
    byte[] raw = new byte[18];
    random.nextBytes(raw);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    uploads.put(id, new Upload(id, userId, fileName, bytes, Set.copyOf(tags), now));
    long mine = uploads.values().stream().filter(u -> u.userId() == userId).count();
    for (Iterator<Upload> it = uploads.values().iterator(); it.hasNext() && mine > PER_USER; ) {
      if (it.next().userId() == userId) {
        it.remove();
        mine--;
      }
    }
    long total = uploads.values().stream().mapToLong(u -> u.bytes().length).sum();
    for (Iterator<Upload> it = uploads.values().iterator();
        it.hasNext() && total > MAX_TOTAL_BYTES; ) {
      Upload oldest = it.next();
      if (!oldest.id().equals(id)) {
        it.remove();
        total -= oldest.bytes().length;
      }
    }
    return id;
  }

  /** The file with this id if this user uploaded it and it has not expired. */
  synchronized Optional<Upload> find(String id, long userId, Instant now) {
    expire(now);
    Upload upload = uploads.get(id);
    return upload != null && upload.userId() == userId ? Optional.of(upload) : Optional.empty();
  }

  synchronized void release(String id) {
    uploads.remove(id);
  }

  private void expire(Instant now) {
    uploads.values().removeIf(u -> u.at().plus(KEEP).isBefore(now));
  }
}
