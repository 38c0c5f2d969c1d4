package se.utskick.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable encoding of text (RFC 2045 §6.7): UTF-8 bytes, CRLF line ends kept as hard
 * breaks, soft breaks ({@code =} CRLF) keep lines within 76 characters, {@code =}, controls and
 * non-ASCII bytes as {@code =XX}, space and tab encoded before a line end. A body encoded this way
 * never contains {@code =_}, which is how the multipart boundary stays unique. Stateless.
 */
final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX = 76;

    private QuotedPrintable() {
    }

    /** Appends the encoding of {@code text} (any line ends) to {@code out}. */
    static void encode(String text, ByteArrayOutputStream out) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[in.length * 3 + in.length / 24 + 8];
        int n = 0;
        int col = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                buf[n++] = '\r';
                buf[n++] = '\n';
                col = 0;
                continue;
            }
            boolean atLineEnd = i + 1 == in.length || in[i + 1] == '\r' || in[i + 1] == '\n';
            boolean literal = b >= 33 && b <= 126 && b != '=' || (b == ' ' || b == '\t') && !atLineEnd;
            int width = literal ? 1 : 3;
            if (col + width > MAX - 1) {
                buf[n++] = '=';
                buf[n++] = '\r';
                buf[n++] = '\n';
                col = 0;
            }
            if (literal) {
                buf[n++] = (byte) b;
            } else {
                buf[n++] = '=';
                buf[n++] = HEX[b >> 4];
                buf[n++] = HEX[b & 15];
            }
            col += width;
        }
        out.write(buf, 0, n);
    }
}
