package se.utskick.delivery;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * One rendered message: the exact bytes that go after DATA (headers, blank line, body, CRLF line
 * ends), its envelope sender (VERP, RFC 5321 MAIL FROM) and its one recipient. Angus Mail's
 * transport writes these bytes verbatim, so what was signed (DKIM) is what is sent.
 * Not thread-safe; made and sent by one worker.
 */
final class OutgoingMessage extends SMTPMessage {
    private final byte[] bytes;
    private final long deliveryId;
    private final String recipient;
    private final String messageId;

    OutgoingMessage(Session session, long deliveryId, byte[] bytes, String envelopeFrom, String recipient, String messageId) {
        super(session);
        this.bytes = bytes;
        this.deliveryId = deliveryId;
        this.recipient = recipient;
        this.messageId = messageId;
        setEnvelopeFrom(envelopeFrom);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        os.write(bytes);
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        os.write(bytes);
    }

    @Override
    public int getSize() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes;
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
