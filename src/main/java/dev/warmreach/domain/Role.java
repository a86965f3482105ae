package dev.warmreach.domain;

/**
 * What a person signed in to the server may do: members use the workspace, admins also manage its
 * users.
 */
public enum Role {
  ADMIN,
  MEMBER
}
