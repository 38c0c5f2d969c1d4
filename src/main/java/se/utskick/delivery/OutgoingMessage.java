package se.utskick.delivery;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * One rendered message: the exact bytes that go after DATA (headers, blank line, body, CRLF line
 * ends), its envelope sender (VERP, RFC 5321 MAIL FROM) and its one recipient. Angus Mail's
 * transport writes these bytes verbatim, so what was signed (DKIM) is what is sent.
 * The bytes may be a sender's reused buffer: a message is sent before the next one is rendered
 * into the same buffer. Not thread-safe; made and sent by one worker.
 */
final class OutgoingMessage extends SMTPMessage {
    private final byte[] bytes;
    private final int length;
    private final long deliveryId;
    private final String recipient;
    private final String messageId;
    /** The connection's socket while the message is being sent, for {@link WireBody}; null: Angus's filter. */
    private OutputStream wire;

    /** @param bytes the message is its first {@code length} bytes */
    OutgoingMessage(Session session, long deliveryId, byte[] bytes, int length, String envelopeFrom, String recipient,
                    String messageId) {
        super(session);
        this.bytes = bytes;
        this.length = length;
        this.deliveryId = deliveryId;
        this.recipient = recipient;
        this.messageId = messageId;
        setEnvelopeFrom(envelopeFrom);
    }

    /**
     * Angus calls this after DATA was answered 354, with nothing of ours buffered: the body goes
     * straight to {@code wire} when it is canonical ({@link WireBody}), else through {@code os}, the
     * transport's line filter.
     */
    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        if (wire == null || !WireBody.write(bytes, length, wire)) {
            os.write(bytes, 0, length);
        }
    }

    /** @param socket the connection's socket stream to write the body to directly, or null for Angus's filter */
    void sendThrough(OutputStream socket) {
        this.wire = socket;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        os.write(bytes, 0, length);
    }

    @Override
    public int getSize() {
        return length;
    }

    long deliveryId() {
        return deliveryId;
    }

    String recipient() {
        return recipient;
    }

    String messageIdValue() {
        return messageId;
    }
}
