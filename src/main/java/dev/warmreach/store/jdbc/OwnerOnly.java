package dev.warmreach.store.jdbc;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the data folder and its files to their owner: folders 0700, files 0600, on file systems
 * with POSIX permissions (elsewhere the folder's own access rules apply). The database holds
 * prospects' data and secrets, and the key file unlocks the secrets.
 */
final class OwnerOnly {

  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates {@code folder} (and missing parents) 0700, or tightens it to 0700 if it exists. */
  static void folder(Path folder) {
    try {
      if (Files.isDirectory(folder)) {
        tighten(folder, FOLDER);
      } else if (posix(nearestExisting(folder))) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        tighten(folder, FOLDER);
      } else {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new UserError(
          "cannot create the data folder "
              + folder.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "); choose a writable folder with --home or WARMREACH_HOME",
          e);
    }
  }

  /** Creates an empty {@code file} 0600 when it is missing; false when it existed already. */
  static boolean createFile(Path file) throws IOException {
    try {
      if (posix(file.toAbsolutePath().getParent())) {
        FileAttribute<Set<PosixFilePermission>> ownerOnly =
            PosixFilePermissions.asFileAttribute(FILE);
        Files.createFile(file, ownerOnly);
      } else {
        Files.createFile(file);
      }
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /** Tightens {@code file} to 0600 when it exists. */
  static void file(Path file) {
    if (Files.exists(file)) {
      try {
        tighten(file, FILE);
      } catch (IOException e) {
        throw new UserError(
            "cannot make "
                + file.toAbsolutePath()
                + " readable by its owner only ("
                + e.getMessage()
                + "); check who owns it",
            e);
      }
    }
  }

  private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view != null && !view.readAttributes().permissions().equals(wanted)) {
      view.setPermissions(wanted);
    }
  }

  private static boolean posix(Path existing) {
    if (existing == null) {
      return false;
    }
    try {
      return Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path nearestExisting(Path path) {
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p;
  }
}
