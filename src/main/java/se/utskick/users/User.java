package se.utskick.users;

import java.time.Instant;

/** A staff account. {@code active} is false once disabled; accounts are never deleted. */
public record User(long id, String username, String displayName, boolean active, Instant createdAt) {
}
