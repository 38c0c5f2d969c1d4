package se.utskick.doctor;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import se.utskick.replies.RepliesConfig;

/**
 * The reply mailbox as the poller will meet it: IMAP sign-in with {@code replies.imap.*}, each of
 * {@code replies.imap.folders} exists, and the processed folder exists — if not, it is created here,
 * as the poller would on its first poll, and the line says so. Messages are not read or moved.
 */
final class ImapCheck {
    private final RepliesConfig c;

    ImapCheck(RepliesConfig c) {
        this.c = c;
    }

    List<Finding> run() {
        if (c.host().isEmpty()) {
            return List.of(Finding.warn("imap", "replies.imap.host is not set: replies, bounces and unsubscribe mails will "
                    + "not be read, so bounced addresses stay in the register", "set replies.imap.host, .user, .password "
                    + "to the mailbox that receives mail for mail.domain"));
        }
        String protocol = c.protocol().name().toLowerCase(Locale.ROOT);
        String where = protocol + "://" + c.host().get() + ":" + c.port();
        List<Finding> out = new ArrayList<>();
        Store store;
        try {
            store = Session.getInstance(properties(protocol)).getStore(protocol);
            store.connect(c.host().get(), c.port(), c.user(), c.password());
        } catch (AuthenticationFailedException e) {
            return List.of(Finding.fail("imap", "the mailbox " + where + " refuses the sign-in of " + c.user() + ": "
                    + e.getMessage(), "check replies.imap.user and replies.imap.password (UTSKICK_REPLIES_IMAP_PASSWORD)"));
        } catch (MessagingException e) {
            return List.of(Finding.fail("imap", "cannot connect to " + where + ": " + rootMessage(e),
                    "check replies.imap.host, .port, .protocol (imaps on 993, imap with STARTTLS on 143)"));
        }
        try (store) {
            out.add(Finding.ok("imap", "signed in to " + where + " as " + c.user()));
            for (String name : c.folders()) {
                Folder f = store.getFolder(name);
                if (f.exists()) {
                    out.add(Finding.ok("imap folder", name + " exists (" + f.getMessageCount() + " messages)"));
                } else {
                    out.add(Finding.fail("imap folder", name + " (replies.imap.folders) does not exist in " + where,
                            "name existing folders in replies.imap.folders; the mailbox has: " + folders(store)));
                }
            }
            Folder processed = store.getFolder(c.processedFolder());
            if (processed.exists()) {
                out.add(Finding.ok("imap processed", c.processedFolder() + " exists (replies.imap.processed.folder)"));
            } else if (processed.create(Folder.HOLDS_MESSAGES)) {
                out.add(Finding.ok("imap processed", c.processedFolder() + " did not exist: created it now, as the poller "
                        + "would on its first poll (replies.imap.processed.folder)"));
            } else {
                out.add(Finding.fail("imap processed", c.processedFolder() + " does not exist and the server refuses to create it",
                        "create it by hand, or name a folder that exists in replies.imap.processed.folder"));
            }
        } catch (MessagingException e) {
            out.add(Finding.fail("imap folder", "the mailbox " + where + " failed while listing folders: " + rootMessage(e),
                    "check the folder names in replies.imap.folders and replies.imap.processed.folder"));
        }
        return out;
    }

    private Properties properties(String protocol) {
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".connectiontimeout", "30000");
        p.put("mail." + protocol + ".timeout", "60000");
        if (c.protocol() == RepliesConfig.Protocol.IMAPS) {
            p.put("mail.imaps.ssl.checkserveridentity", "true");
        } else if (c.startTls()) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        return p;
    }

    private static String folders(Store store) {
        try {
            List<String> names = new ArrayList<>();
            for (Folder f : store.getDefaultFolder().list("*")) {
                names.add(f.getFullName());
            }
            return names.isEmpty() ? "(none)" : String.join(", ", names);
        } catch (MessagingException e) {
            return "(cannot list: " + e.getMessage() + ")";
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
