package se.utskick.assembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import se.utskick.UtskickException;
import se.utskick.audience.AudienceException;
import se.utskick.audience.Audiences;
import se.utskick.audience.Rule;
import se.utskick.delivery.Delivery;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.Letters;
import se.utskick.letters.Preview;

/**
 * Tells the ombudsman that a monthly draft is ready: writes the draft's preview under
 * {@code schedule.assembly.preview.dir} and sends a short targeted letter to the notify list
 * (by default {@code ombudsman}: the register's Ombudsman role) naming the files and the commands.
 *
 * <p>The notice goes through the outbox like every letter, not over a direct SMTP call: it is then
 * retried on a temporary failure, survives an SMTP outage or a crash of this node (the row waits in
 * the queue for any node's workers), appears in the delivery log, and the assembly job never blocks
 * on a mail server. The price: it is sent only while some node runs sender workers.
 */
final class ReadyNotice {
    private final Letters letters;
    private final Audiences audiences;
    private final Delivery delivery;
    private final AssemblyConfig cfg;
    private final java.util.function.ObjLongConsumer<Path> previewWritten;

    ReadyNotice(Letters letters, Audiences audiences, Delivery delivery, AssemblyConfig cfg,
                java.util.function.ObjLongConsumer<Path> previewWritten) {
        this.letters = letters;
        this.audiences = audiences;
        this.delivery = delivery;
        this.cfg = cfg;
        this.previewWritten = previewWritten;
    }

    /** Writes the preview and queues the notice; returns a one-line outcome (counts, no personal data). */
    String send(Letter draft, int itemsAdded) {
        String previewNote = writePreview(draft);
        ensureList();
        Letter notice = letters.create(LetterKind.TARGETED, null, List.of(), cfg.notifyList());
        letters.markAutomatic(notice.id());
        letters.setSubject(notice.id(), "Utkast klart: " + draft.subject());
        Path body = bodyFile(draft, itemsAdded, previewNote);
        try {
            letters.addItem(notice.id(), "Utkastet till " + draft.subject() + " är klart", body);
            letters.approve(notice.id());
        } catch (UtskickException e) {
            letters.states().cancelled(notice.id());
            return "notice not sent: " + e.getMessage();
        } finally {
            deleteQuietly(body);
        }
        int n = delivery.send(notice.id());
        return "notice queued to " + n + " (letter " + notice.id() + ")";
    }

    private String writePreview(Letter draft) {
        try {
            Preview p = letters.preview(draft.id(), null);
            Path dir = cfg.previewDir();
            Files.createDirectories(dir);
            // Record before writing: a file that names a member is never on disk unrecorded.
            previewWritten.accept(dir.resolve(draft.slug() + ".html"), p.member().memberId());
            previewWritten.accept(dir.resolve(draft.slug() + ".txt"), p.member().memberId());
            Files.writeString(dir.resolve(draft.slug() + ".html"), p.message().html(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(draft.slug() + ".txt"), p.message().text(), StandardCharsets.UTF_8);
            return "Förhandsvisningen finns i `" + dir.toAbsolutePath().resolve(draft.slug() + ".html") + "` (och `.txt`).";
        } catch (UtskickException e) {
            return "Förhandsvisningen kunde inte göras: " + e.getMessage();
        } catch (IOException e) {
            return "Förhandsvisningen kunde inte sparas: " + e.getMessage();
        }
    }

    private void ensureList() {
        ensureList(audiences, cfg.notifyList());
    }

    /** The notify list, created as the register's Ombudsman role if it does not exist. */
    static void ensureList(Audiences audiences, String notifyList) {
        try {
            audiences.list(notifyList);
        } catch (AudienceException missing) {
            try {
                audiences.create(notifyList, "Ombudsmannen", Rule.ofRoles("OMBUDSMAN"));
            } catch (UtskickException createdMeanwhile) {
                audiences.list(notifyList);
            }
        }
    }

    private static Path bodyFile(Letter draft, int itemsAdded, String previewNote) {
        String md = "Utkastet **" + draft.subject() + "** (brev " + draft.id() + ") har skapats"
                + (itemsAdded > 0 ? " med " + itemsAdded + " punkter ur kön." : ", ännu utan punkter.")
                + (draft.kind() == LetterKind.MEMBERS ? " Kommande veckors arrangemang tas med automatiskt." : "") + "\n\n"
                + previewNote + "\n\n"
                + "Granska och godkänn:\n\n"
                + "    utskick letter show " + draft.slug() + "\n"
                + "    utskick letter preview " + draft.slug() + "\n"
                + "    utskick letter approve " + draft.slug() + "\n";
        try {
            Path f = Files.createTempFile("utskick-notice", ".md");
            return Files.writeString(f, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a temp file; the OS cleans up
        }
    }
}
