package se.utskick.delivery;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message's DATA body written straight to the connection's socket in one write, past Angus
 * Mail's line filter ({@code SMTPOutputStream} over {@code CRLFOutputStream}), which cuts the body
 * into two stream calls per line — about 600 for a members' letter, measured with perf at a fifth
 * of a sender's CPU. Angus still speaks the protocol (EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, the
 * closing dot and every reply); only the body's bytes take the short way.
 *
 * <p>Contract: only a body that is already in SMTP's canonical form goes this way — CRLF line ends
 * only (no bare CR or LF) and ending in CRLF. A line that begins with "." gets its extra "." here
 * (RFC 5321 §4.5.2), as Angus's filter would. Anything else is refused before a byte is written,
 * and the caller sends it through Angus's filter as before.
 */
final class WireBody {
    private WireBody() {
    }

    /**
     * Writes the first {@code length} bytes of {@code body} to {@code wire} and flushes, or writes
     * nothing and returns false if the body is not canonical.
     */
    static boolean write(byte[] body, int length, OutputStream wire) throws IOException {
        int dots = dotLines(body, length);
        if (dots < 0) {
            return false;
        }
        if (dots == 0) {
            wire.write(body, 0, length);
        } else {
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (body[i] == '.' && (i == 0 || body[i - 1] == '\n')) {
                    wire.write(body, start, i - start);
                    wire.write('.');
                    start = i; // the line's own dot follows the added one
                }
            }
            wire.write(body, start, length - start);
        }
        wire.flush();
        return true;
    }

    /** The number of lines beginning with "."; -1 if a CR or LF stands alone or the body does not end in CRLF. */
    static int dotLines(byte[] b, int length) {
        if (length < 2 || b[length - 2] != '\r' || b[length - 1] != '\n') {
            return -1;
        }
        int dots = b[0] == '.' ? 1 : 0;
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            if (c == '\r') {
                if (b[i + 1] != '\n') { // safe: the last byte is '\n', so a '\r' is never last
                    return -1;
                }
            } else if (c == '\n') {
                if (i == 0 || b[i - 1] != '\r') {
                    return -1;
                }
                if (i + 1 < length && b[i + 1] == '.') {
                    dots++;
                }
            }
        }
        return dots;
    }
}
