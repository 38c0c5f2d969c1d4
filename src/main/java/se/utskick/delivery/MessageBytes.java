package se.utskick.delivery;

import java.util.Arrays;

/** A growable byte buffer for building one message, without the per-call locking of ByteArrayOutputStream. Not thread-safe. */
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

    MessageBytes ascii(CharSequence s) {
        byte[] b = reserve(s.length());
        for (int i = 0; i < s.length(); i++) {
            b[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    MessageBytes bytes(byte[] src) {
        System.arraycopy(src, 0, reserve(src.length), size, src.length);
        size += src.length;
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
