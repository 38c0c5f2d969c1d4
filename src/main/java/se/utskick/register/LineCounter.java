package se.utskick.register;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through and notes where its line breaks are, so a parser reading ahead can still be
 * asked the line of a character position: a line break is a LF, or a CR not followed by LF. Keeps
 * only the breaks not yet asked about (those the parser read ahead), so its memory does not grow
 * with the file. Positions asked about must not decrease. Not thread-safe.
 */
final class LineCounter extends FilterReader {
    private long position;
    private long[] breaks = new long[256];
    private int head;
    private int tail;
    private int line = 1;
    private boolean pendingCr;
    private long crAt;
    private int last = -1;

    LineCounter(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int ch = super.read();
        if (ch < 0) {
            end();
        } else {
            see((char) ch);
        }
        return ch;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            end();
        }
        for (int i = 0; i < n; i++) {
            see(buf[off + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("a LineCounter must see every character");
    }

    /** The 1-based line of the character at {@code at}. */
    int lineAt(long at) {
        while (head < tail && breaks[head] < at) {
            head++;
            line++;
        }
        return line;
    }

    /** The last character of the text read so far, or -1 if none. */
    int last() {
        return last;
    }

    private void see(char ch) {
        if (pendingCr) {
            pendingCr = false;
            if (ch != '\n') {
                add(crAt);
            }
        }
        if (ch == '\n') {
            add(position);
        } else if (ch == '\r') {
            pendingCr = true;
            crAt = position;
        }
        last = ch;
        position++;
    }

    private void end() {
        if (pendingCr) {
            pendingCr = false;
            add(crAt);
        }
    }

    private void add(long at) {
        if (tail == breaks.length) {
            if (head > 0) {
                System.arraycopy(breaks, head, breaks, 0, tail - head);
                tail -= head;
                head = 0;
            } else {
                breaks = java.util.Arrays.copyOf(breaks, breaks.length * 2);
            }
        }
        breaks[tail++] = at;
    }
}
