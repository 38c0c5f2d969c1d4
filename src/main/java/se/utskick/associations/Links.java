package se.utskick.associations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import se.utskick.db.Database;

/**
 * The association page links: a token ({@code delivery.DeliveryTokens#pages}) names a delivery of a
 * board letter or targeted mailing; it opens the page of that delivery's association only, until
 * {@code associations.link.days} after the letter was sent, unless the ombudsman revoked it (that
 * one link, or every link of the association sent before the revocation). A forged, expired,
 * revoked token, or one of a letter that is not to boards (a board letter, a targeted mailing, a
 * feedback reminder) or to a membership officer (the address reminder: {@link PageAccess#officer}), opens nothing; all look the same to the
 * visitor. Refusals of genuine tokens are audited with their delivery id. Thread-safe.
 */
public final class Links {
    private static final Set<String> BOARD_KINDS = Set.of("BOARD", "TARGETED");
    private final Database db;
    private final PageStore store;
    private final DeliveryLookup deliveries;
    private final Supplier<Map<Long, String>> associations;
    private final AssociationsConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    Links(Database db, PageStore store, DeliveryLookup deliveries, Supplier<Map<Long, String>> associations,
          AssociationsConfig config, AuditTrail audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.deliveries = deliveries;
        this.associations = associations;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** The access the token gives, or empty (forged, unknown, not to a board, expired, revoked). */
    public Optional<PageAccess> resolve(String token) {
        OptionalLong id = deliveries.verify(token);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<DeliveryLookup.LinkedDelivery> found = deliveries.delivery(id.getAsLong());
        if (found.isEmpty() || found.get().associationId() == null || found.get().sentAt() == null) {
            return Optional.empty();
        }
        DeliveryLookup.LinkedDelivery d = found.get();
        boolean officer = false;
        if (d.letterKind().equals("REMINDER")) {
            // a board's feedback reminder opens the board's page; the address reminder the officer's view
            String purpose = deliveries.reminderPurpose(d.letterId()).orElse("");
            officer = purpose.equals("ADDRESSES");
            if (!officer && !purpose.equals("FEEDBACK")) {
                return Optional.empty();
            }
        } else if (!BOARD_KINDS.contains(d.letterKind())) {
            return Optional.empty();
        }
        Instant expires = d.sentAt().plus(config.linkLifetime());
        String subject = "association " + d.associationId();
        if (!clock.instant().isBefore(expires)) {
            audit.record("link:delivery " + d.deliveryId(), "association.link.expired", subject, "");
            return Optional.empty();
        }
        if (db.withConnection(c -> store.revoked(c, d.deliveryId(), d.associationId(), d.sentAt()))) {
            audit.record("link:delivery " + d.deliveryId(), "association.link.revoked", subject, "");
            return Optional.empty();
        }
        String name = associations.get().getOrDefault(d.associationId(), "förening " + d.associationId());
        return Optional.of(new PageAccess(d.deliveryId(), d.letterId(), d.memberId(), d.associationId(), name, expires, officer));
    }

    /** Revokes the link of one delivery. */
    public void revokeDelivery(long deliveryId, String by) {
        db.withConnection(c -> {
            store.revoke(c, deliveryId, null, clock.instant(), by);
            return null;
        });
        audit.record(by, "association.link.revoke", "delivery " + deliveryId, "");
    }

    /** Revokes every link of an association sent until now; links of later letters work. */
    public void revokeAssociation(long associationId, String by) {
        if (!associations.get().containsKey(associationId)) {
            throw PageException.notFound("assoc.error.association.gone", "the association is not in the register");
        }
        db.withConnection(c -> {
            store.revoke(c, null, associationId, clock.instant(), by);
            return null;
        });
        audit.record(by, "association.link.revoke", "association " + associationId, "every link sent until now");
    }

    /** The revocations, newest first. */
    public List<Revocation> revocations() {
        return db.withConnection(store::revocations);
    }
}
