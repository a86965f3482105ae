package dev.warmreach.store;

import dev.warmreach.domain.WarmreachException;

/** The database could not be reached or did not do what was asked; nothing was half written. */
public final class StoreException extends WarmreachException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
