package se.utskick.delivery;

import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable encoding of text (RFC 2045 §6.7): UTF-8 bytes, CR, LF or CRLF line ends as hard
 * CRLF breaks, soft breaks ({@code =} CRLF) keep lines within 76 characters, {@code =}, controls and
 * non-ASCII bytes as {@code =XX}, space and tab encoded before a line end. A body encoded this way
 * never contains {@code =_}, which is how the multipart boundary stays unique. Stateless.
 */
final class QuotedPrintable {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] LITERAL = new boolean[256];
    private static final int MAX = 76;

    static {
        for (int b = 33; b <= 126; b++) {
            LITERAL[b] = b != '=';
        }
    }

    private QuotedPrintable() {
    }

    /** Appends the encoding of {@code text} to {@code out}. */
    static void encode(String text, MessageBytes out) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] buf = out.reserve(in.length * 3 + (in.length / 24 + 2) * 3);
        int n = out.size();
        int start = n;
        int col = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            boolean literal = LITERAL[b];
            if (!literal) {
                if (b == '\r' || b == '\n') {
                    if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                        i++;
                    }
                    buf[n++] = '\r';
                    buf[n++] = '\n';
                    col = 0;
                    continue;
                }
                literal = (b == ' ' || b == '\t') && i + 1 < in.length && in[i + 1] != '\r' && in[i + 1] != '\n';
            }
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
        out.advance(n - start);
    }
}
