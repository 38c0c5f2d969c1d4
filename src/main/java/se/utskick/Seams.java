package se.utskick;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import se.utskick.db.Database;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.delivery.RecipientSource;
import se.utskick.letters.LetterException;
import se.utskick.letters.LetterKind;
import se.utskick.letters.Letters;
import se.utskick.register.EmailStatus;
import se.utskick.register.Register;
import se.utskick.replies.AddressStatus;
import se.utskick.replies.DeliveryDirectory;
import se.utskick.replies.LetterDirectory;
import se.utskick.replies.MemberLookup;
import se.utskick.replies.Replies;
import se.utskick.replies.RepliesConfig;
import se.utskick.replies.Subscriptions;

/**
 * The adapters between features that the composition root plugs in: each feature declares the
 * small interface it needs (the consumer owns it) and this class fills it from another feature's
 * public surface. Used only by {@link Utskick}; stateless.
 */
final class Seams {
    private Seams() {
    }

    /**
     * Delivery's recipient source, routed by the letter's kind: REMINDER letters take the
     * recipients the reminders feature decided, every other letter its audience.
     */
    static RecipientSource recipientsByKind(Letters letters, RecipientSource reminders, RecipientSource audience) {
        return id -> (letters.get(id).kind() == LetterKind.REMINDER ? reminders : audience).recipientsOf(id);
    }

    /** The replies feature on the register, the letters and the delivery log. */
    static Replies replies(Database db, Config config, Register register, Letters letters, Delivery delivery,
                                   Clock clock) {
        AddressStatus addresses = new AddressStatus() {
            @Override
            public boolean markBounced(long deliveryId, long memberId, String expectedEmail, String reason) {
                delivery.markBounced(deliveryId, reason);
                return register.markAddress(memberId, expectedEmail, EmailStatus.BOUNCED, reason);
            }

            @Override
            public boolean markBlocked(long deliveryId, String reason) {
                return delivery.markBlocked(deliveryId, reason);
            }
        };
        Subscriptions subscriptions = new Subscriptions() {
            @Override
            public void unsubscribe(long memberId) {
                register.setUnsubscribed(memberId, true);
            }

            @Override
            public void resubscribe(long memberId) {
                register.setUnsubscribed(memberId, false);
            }
        };
        MemberLookup members = new MemberLookup() {
            @Override
            public Optional<Long> byEmail(String normalisedEmail) {
                return register.memberIdByEmail(normalisedEmail);
            }

            @Override
            public Optional<Long> byNumber(String memberNumber) {
                return register.memberIdByNumber(memberNumber);
            }
        };
        LongFunction<String> letterKind = id -> letters.get(id).kind().name();
        return Replies.create(db, RepliesConfig.from(config), deliveryDirectory(delivery, letterKind),
                letterDirectory(letters, delivery, register), addresses, subscriptions, members, clock);
    }

    /** Letters for the feedback table; the associations expected to answer are those the letter's deliveries went to. */
    static LetterDirectory letterDirectory(Letters letters, Delivery delivery, Register register) {
        return new LetterDirectory() {
            @Override
            public Optional<Letter> letter(long letterId) {
                try {
                    var l = letters.get(letterId);
                    return Optional.of(new Letter(l.id(), l.kind().name(), l.subject(), Optional.ofNullable(l.feedbackDeadline())));
                } catch (se.utskick.letters.LetterNotFound e) {
                    return Optional.empty();
                }
            }

            @Override
            public List<Association> associationsAddressed(long letterId) {
                java.util.Map<Long, String> names = register.associationNames();
                return delivery.log().deliveries(letterId, Optional.empty(), Integer.MAX_VALUE).stream()
                        .map(LoggedDelivery::associationId).filter(java.util.Objects::nonNull).distinct()
                        .map(id -> new Association(id, names.getOrDefault(id, "förening " + id))).toList();
            }
        };
    }

    /** The delivery log seen as replies needs it; the letter kind comes from the letters feature. */
    static DeliveryDirectory deliveryDirectory(Delivery delivery, LongFunction<String> letterKind) {
        return new DeliveryDirectory() {
            @Override
            public Optional<SentDelivery> byToken(String token) {
                return delivery.log().byToken(token).map(d -> sent(d, letterKind));
            }

            @Override
            public Optional<SentDelivery> byMessageId(String messageId) {
                return delivery.log().byMessageId(messageId).map(d -> sent(d, letterKind));
            }

            @Override
            public Optional<SentDelivery> answered(SentDelivery d) {
                return delivery.log().inReplyTo(d.deliveryId()).flatMap(this::byMessageId);
            }
        };
    }

    static DeliveryDirectory.SentDelivery sent(LoggedDelivery d, LongFunction<String> letterKind) {
        return new DeliveryDirectory.SentDelivery(d.id(), d.letterId(), letterKind.apply(d.letterId()), d.memberId(),
                d.associationId(), d.email(), d.messageId());
    }

    /** The associations' pages on the delivery log (page tokens, the delivery a link names), letters' events, replies' feedback, the audit log. */
    static se.utskick.associations.Associations associations(Database db, Config config, Register register, Letters letters,
                                                            Delivery delivery, Replies replies, se.utskick.audit.AuditLog audit, Clock clock) {
        se.utskick.associations.DeliveryLookup lookup = new se.utskick.associations.DeliveryLookup() {
            @Override
            public java.util.OptionalLong verify(String token) {
                return delivery.tokens().pages().verify(token);
            }

            @Override
            public Optional<String> reminderPurpose(long letterId) {
                // a read of the reminders' own table, by choice (as the reminders read delivery's)
                return db.withConnection(c -> {
                    try (var ps = c.prepareStatement("SELECT purpose FROM reminder WHERE letter_id = ?")) {
                        ps.setLong(1, letterId);
                        try (var rs = ps.executeQuery()) {
                            return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                        }
                    }
                });
            }

            @Override
            public Optional<LinkedDelivery> delivery(long deliveryId) {
                return delivery.log().byId(deliveryId).map(d -> new LinkedDelivery(d.id(), d.letterId(),
                        letters.get(d.letterId()).kind().name(), d.memberId(), d.associationId(), d.sentAt()));
            }
        };
        return new se.utskick.associations.Associations(db, se.utskick.associations.AssociationsConfig.from(config), lookup,
                register::associationNames, letters.events(), replies.log(),
                name -> register.missingEmail(Optional.of(name)).stream().map(m -> new se.utskick.associations.Associations.MemberToFix(
                        (m.firstName() + " " + m.lastName()).strip(), m.number(), m.emailStatus().name(), m.email(), m.emailReason())).toList(),
                audit::record, clock, letters.zone());
    }

    /** The letters' "new in the bank" section on the associations' material bank (read on the database: letters are wired first). */
    static se.utskick.letters.BankNews bankNews(Database db) {
        return (after, limit) -> se.utskick.associations.MaterialBank.approvedAfter(db, after, limit).stream()
                .map(m -> new se.utskick.letters.BankNews.Item(m.title(), m.kind().name(), m.associationName())).toList();
    }
}
