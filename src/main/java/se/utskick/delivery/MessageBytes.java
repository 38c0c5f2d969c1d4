package se.utskick.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for building one message, without the per-call locking of
 * ByteArrayOutputStream. A sender keeps one and {@link #clear()}s it for each message, so the
 * message bytes (about 20 KB for a members' letter) are neither allocated nor copied per message.
 * Not thread-safe.
 */
final class MessageBytes {
    private byte[] buf;
    private int size;

    MessageBytes(int capacity) {
        buf = new byte[capacity];
    }

    /** Makes room for {@code more} bytes and returns the array to write into from {@link #size()}. */
    byte[] reserve(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
        return buf;
    }

    void advance(int n) {
        size += n;
    }

    int size() {
        return size;
    }

    /** Appends text that is ASCII by contract (headers are made ASCII before they get here); one bulk copy. */
    MessageBytes ascii(CharSequence s) {
        return bytes(s.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    MessageBytes bytes(byte[] src) {
        System.arraycopy(src, 0, reserve(src.length), size, src.length);
        size += src.length;
        return this;
    }

    /** Empties the buffer for the next message; its capacity stays. */
    void clear() {
        size = 0;
    }

    /** The first {@link #size()} bytes; valid until this buffer is written to or cleared. */
    byte[] array() {
        return buf;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
