package se.utskick.associations;

import java.time.Instant;

/**
 * One item of the material bank, without its file's bytes. {@code associationId} and
 * {@code associationName} are null for the district's own material; {@code contentType} is null
 * for a text (then {@code markdown} holds it) and for a file emptied by the retention job
 * ({@code size} is then 0). {@code state}: PROPOSED, APPROVED or REFUSED.
 */
public record Material(long id, Long associationId, String associationName, MaterialKind kind, String title, String markdown,
                       String contentType, int size, String state, String refusalReason, Instant createdAt) {

    public boolean hasFile() {
        return contentType != null && size > 0;
    }

    /** The file's extension by its checked type ("pdf"), or "" for a text. */
    public String extension() {
        return contentType == null ? "" : FileTypes.byContentType(contentType).map(FileTypes::extension).orElse("bin");
    }
}
