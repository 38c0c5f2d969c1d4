package se.utskick;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.audience.AudienceRecipientSource;
import se.utskick.audience.Audiences;
import se.utskick.db.Database;
import se.utskick.db.DatabaseConfig;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.EmbeddedMailServer;
import se.utskick.delivery.InvalidAddresses;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.letters.LetterException;
import se.utskick.letters.Letters;
import se.utskick.letters.LettersConfig;
import se.utskick.register.EmailStatus;
import se.utskick.register.Register;
import se.utskick.register.RegisterConfig;
import se.utskick.replies.AddressStatus;
import se.utskick.replies.DeliveryDirectory;
import se.utskick.replies.LetterDirectory;
import se.utskick.replies.MemberLookup;
import se.utskick.replies.Replies;
import se.utskick.replies.RepliesConfig;
import se.utskick.replies.RepliesErasure;
import se.utskick.replies.Subscriptions;

/**
 * The composition root: builds the whole object graph by hand, in dependency order, from one
 * {@link Config}. Nothing else constructs services; nothing holds a static reference to them.
 *
 * <p>Lifecycle: {@link #start} opens the database (starting an embedded MariaDB when no URL is
 * configured) and migrates it, and starts the embedded GreenMail when {@code smtp.host = embedded};
 * {@link #close} releases everything in reverse order.
 */
public final class Utskick implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Utskick.class);
    private final Config config;
    private final Database database;
    private final Keyring keyring;
    private final Register register;
    private final Audiences audiences;
    private final Letters letters;
    private final AudienceRecipientSource recipientSource;
    private final Delivery delivery;
    private final Replies replies;
    private EmbeddedMailServer embeddedMail;

    private Utskick(Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.keyring = Keyring.from(config);
        this.register = new Register(database, RegisterConfig.from(config), keyring);
        this.audiences = new Audiences(database);
        this.letters = new Letters(database, audiences, LettersConfig.from(config), clock);
        this.recipientSource = new AudienceRecipientSource(letters::audienceOf);
        InvalidAddresses invalid = (memberId, email, smtpReply) ->
                register.markAddress(memberId, email, EmailStatus.INVALID, "refused by the receiving server: " + smtpReply);
        this.delivery = new Delivery(database, DeliveryConfig.from(config), keyring, recipientSource, letters.composer(),
                letters.states(), invalid, clock);
        register.addErasureStep(delivery.erasure());
        this.replies = replies(database, config, register, letters, delivery, clock);
        register.addErasureStep(new RepliesErasure());
    }

    /**
     * The replies feature on the register, the letters and the delivery log. Still stand-ins
     * (NotYetWired): finding a member by number, and association names for the feedback table
     * (the register offers neither yet).
     */
    private static Replies replies(Database db, Config config, Register register, Letters letters, Delivery delivery,
                                   Clock clock) {
        NotYetWired notYet = new NotYetWired();
        AddressStatus addresses = (memberId, expectedEmail, reason) ->
                register.markAddress(memberId, expectedEmail, EmailStatus.BOUNCED, reason);
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
                return notYet.byNumber(memberNumber);
            }
        };
        LongFunction<String> letterKind = id -> letters.get(id).kind().name();
        return Replies.create(db, RepliesConfig.from(config), deliveryDirectory(delivery, letterKind),
                letterDirectory(letters, delivery), addresses, subscriptions, members, clock);
    }

    /** Letters for the feedback table; the associations expected to answer are those the letter's deliveries went to. */
    private static LetterDirectory letterDirectory(Letters letters, Delivery delivery) {
        return new LetterDirectory() {
            @Override
            public Optional<Letter> letter(long letterId) {
                try {
                    var l = letters.get(letterId);
                    return Optional.of(new Letter(l.id(), l.kind().name(), l.subject(), Optional.ofNullable(l.feedbackDeadline())));
                } catch (LetterException e) {
                    return Optional.empty();
                }
            }

            @Override
            public List<Association> associationsAddressed(long letterId) {
                return delivery.log().deliveries(letterId, Optional.empty(), Integer.MAX_VALUE).stream()
                        .map(LoggedDelivery::associationId).filter(java.util.Objects::nonNull).distinct()
                        .map(id -> new Association(id, NotYetWired.associationName(id))).toList();
            }
        };
    }

    /** The delivery log seen as replies needs it; the letter kind comes from the letters feature. */
    private static DeliveryDirectory deliveryDirectory(Delivery delivery, LongFunction<String> letterKind) {
        return new DeliveryDirectory() {
            @Override
            public Optional<SentDelivery> byToken(String token) {
                return delivery.log().byToken(token).map(d -> sent(d, letterKind));
            }

            @Override
            public Optional<SentDelivery> byMessageId(String messageId) {
                return delivery.log().byMessageId(messageId).map(d -> sent(d, letterKind));
            }
        };
    }

    private static DeliveryDirectory.SentDelivery sent(LoggedDelivery d, LongFunction<String> letterKind) {
        return new DeliveryDirectory.SentDelivery(d.id(), d.letterId(), letterKind.apply(d.letterId()), d.memberId(),
                d.associationId(), d.email(), d.messageId());
    }

    public static Utskick start(Config config) {
        // Feature configs first: a wrong value fails in a moment, before an embedded server starts.
        Keyring.from(config);
        RegisterConfig.from(config);
        LettersConfig.from(config);
        DeliveryConfig.from(config);
        RepliesConfig.from(config);
        Database db = Database.open(DatabaseConfig.from(config));
        try {
            Utskick app = wire(config, db);
            app.startEmbeddedMail();
            return app;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Wires the graph on an already open database (tests use one embedded server for many graphs). */
    public static Utskick wire(Config config, Database db) {
        return new Utskick(config, db, Clock.systemUTC());
    }

    /** With {@code smtp.host = embedded}: GreenMail on smtp.port, unless another Utskick process already serves it. */
    private void startEmbeddedMail() {
        DeliveryConfig dc = delivery.config();
        if (!dc.embedded()) {
            return;
        }
        try {
            embeddedMail = EmbeddedMailServer.start(dc.smtpPort(), config.integer("smtp.embedded.imap.port", 3143, 1, 65535));
            log.info("embedded mail server (GreenMail) on 127.0.0.1: SMTP {}, IMAP {}", embeddedMail.smtpPort(), embeddedMail.imapPort());
        } catch (RuntimeException e) {
            log.info("embedded mail server not started here ({}); using the one already on port {}", e.getMessage(), dc.smtpPort());
        }
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Keyring keyring() {
        return keyring;
    }

    public Register register() {
        return register;
    }

    public Audiences audiences() {
        return audiences;
    }

    /** Letters and events; {@code letters().composer()} and {@code letters().states()} are delivery's LetterComposer and LetterLifecycle. */
    public Letters letters() {
        return letters;
    }

    /** Delivery's RecipientSource: the audience of a letter as one SELECT. */
    public AudienceRecipientSource recipientSource() {
        return recipientSource;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The reply mailbox, reply log, feedback and unsubscribe. */
    public Replies replies() {
        return replies;
    }

    @Override
    public void close() {
        if (embeddedMail != null) {
            embeddedMail.close();
        }
        database.close();
    }
}
