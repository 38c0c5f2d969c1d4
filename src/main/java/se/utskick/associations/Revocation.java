package se.utskick.associations;

import java.time.Instant;

/** One revoked page link ({@code deliveryId}), or all of an association's links sent before {@code at}. */
public record Revocation(Long deliveryId, Long associationId, String associationName, Instant at, String by) {
}
