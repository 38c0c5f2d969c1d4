package se.utskick.replies;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.replies.ReplyRepository.Place;

/**
 * Reads the reply mailbox over IMAP (Angus Mail) and hands each new message to the processor,
 * then moves it to the processed folder (IMAP MOVE, RFC 6851, or COPY + \Deleted + EXPUNGE where
 * the server lacks MOVE). A message already recorded (by place or Message-ID) is only moved, so
 * a crash between recording and moving, or the same message delivered twice, is processed once.
 *
 * <p>Not thread-safe: one {@link #pollOnce} at a time per instance (the scheduler's job is not
 * concurrent). A message whose processing fails stays in the mailbox for the next poll; an
 * unreachable server or database ends the poll with an exception.
 */
public final class MailboxPoller {
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    static final int BATCH = 500;

    private final RepliesConfig config;
    private final MessageProcessor processor;
    private final Clock clock;

    MailboxPoller(RepliesConfig config, MessageProcessor processor, Clock clock) {
        this.config = config;
        this.processor = processor;
        this.clock = clock;
    }

    /** What one poll did. */
    public record Result(int recorded, int alreadyRecorded, int failed) {
    }

    /** Reads every configured folder once. */
    public Result pollOnce() {
        if (config.host().isEmpty()) {
            throw new UtskickException("the reply mailbox is not configured: set replies.imap.host (and user, password)");
        }
        int[] counts = new int[3];
        try (Store store = connect()) {
            Folder processed = store.getFolder(config.processedFolder());
            if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
                throw new UtskickException("cannot create the IMAP folder " + config.processedFolder()
                        + " (replies.imap.processed.folder)");
            }
            for (String name : config.folders()) {
                pollFolder(store, name, processed, counts);
            }
        } catch (MessagingException e) {
            throw new ReplyMailboxException("cannot read the reply mailbox " + config.host().get() + ":" + config.port()
                    + ": " + e.getMessage() + " (check replies.imap.* in the configuration)", e);
        }
        if (counts[0] + counts[2] > 0) {
            log.info("reply mailbox polled: {} recorded, {} already recorded, {} failed", counts[0], counts[1], counts[2]);
        }
        return new Result(counts[0], counts[1], counts[2]);
    }

    private void pollFolder(Store store, String name, Folder processed, int[] counts) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(name);
        if (!folder.exists()) {
            throw new UtskickException("the IMAP folder " + name + " does not exist (replies.imap.folders)");
        }
        folder.open(Folder.READ_WRITE);
        boolean expunge = false;
        try {
            long validity = folder.getUIDValidity();
            Message[] messages = folder.getMessages();
            int handled = 0;
            for (Message msg : messages) {
                if (handled >= BATCH) {
                    break;
                }
                if (msg.isExpunged() || msg.isSet(Flags.Flag.DELETED)) {
                    continue;
                }
                handled++;
                Place place = new Place(name, validity, folder.getUID(msg));
                if (handle(msg, place, counts)) {
                    expunge |= move(store, folder, msg, processed);
                }
            }
        } finally {
            folder.close(expunge);
        }
    }

    /** Processes one message; false if it failed and must stay for the next poll. */
    private boolean handle(Message msg, Place place, int[] counts) {
        try {
            String[] ids = msg.getHeader("Message-ID");
            Optional<String> id = ids == null ? Optional.empty() : IncomingMessage.ids(ids[0]).stream().findFirst();
            if (processor.isRecorded(place, id)) {
                counts[1]++;
                return true;
            }
            MessageProcessor.Outcome o = processor.process(place, raw(msg), received(msg));
            counts[o == MessageProcessor.Outcome.RECORDED ? 0 : 1]++;
            return true;
        } catch (MessagingException | IOException | RuntimeException e) {
            counts[2]++;
            // the exception's message may quote an address: its text only at DEBUG
            log.warn("message UID {} in {} could not be processed and stays for the next poll ({})",
                    place.uid(), place.mailbox(), e.getClass().getSimpleName());
            log.debug("processing failure of UID {}", place.uid(), e);
            return false;
        }
    }

    private static byte[] raw(Message msg) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        msg.writeTo(out);
        return out.toByteArray();
    }

    /** INTERNALDATE; it comes with the ENVELOPE, which a server may fail to build for a damaged message. */
    private Instant received(Message msg) {
        try {
            return msg.getReceivedDate() == null ? clock.instant() : msg.getReceivedDate().toInstant();
        } catch (MessagingException e) {
            return clock.instant();
        }
    }

    /** Moves one message; true if it was only flagged \Deleted and the folder must be expunged on close. */
    private static boolean move(Store store, IMAPFolder folder, Message msg, Folder processed) throws MessagingException {
        if (((IMAPStore) store).hasCapability("MOVE")) {
            folder.moveMessages(new Message[] {msg}, processed);
            return false;
        }
        folder.copyMessages(new Message[] {msg}, processed);
        msg.setFlag(Flags.Flag.DELETED, true);
        return true;
    }

    private Store connect() throws MessagingException {
        String protocol = config.protocol().name().toLowerCase(Locale.ROOT);
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", config.host().get());
        p.put("mail." + protocol + ".port", String.valueOf(config.port()));
        p.put("mail." + protocol + ".connectiontimeout", "30000");
        p.put("mail." + protocol + ".timeout", "60000");
        if (config.protocol() == RepliesConfig.Protocol.IMAPS) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        } else if (config.startTls()) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(config.host().get(), config.port(), config.user(), config.password());
        return store;
    }

}
