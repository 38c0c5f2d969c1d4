package se.utskick.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-written DNS server on UDP 127.0.0.1 (RFC 1035 subset) for tests of the real resolver:
 * answers A, AAAA, MX and TXT from records the test adds; NXDOMAIN for a name with no record of any
 * type; SERVFAIL for names in {@link #failing}. A TXT record may be given as several
 * character-strings, and one longer than 255 bytes is split, as DNS servers do for DKIM keys.
 */
public final class DnsServer implements AutoCloseable {
    private static final int A = 1;
    private static final int MX = 15;
    private static final int TXT = 16;
    private static final int AAAA = 28;
    private final DatagramSocket socket;
    /** name (lower case) → type → rdata of each record. */
    private final Map<String, Map<Integer, List<byte[]>>> records = new ConcurrentHashMap<>();
    public final Set<String> failing = ConcurrentHashMap.newKeySet();

    public DnsServer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("test-dns").start(this::serve);
    }

    /** {@code host:port}, for doctor.dns.server. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** One TXT record of {@code strings} (each split into 255-byte character-strings). */
    public DnsServer txt(String name, String... strings) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (String s : strings) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length || i == 0; i += 255) {
                int n = Math.min(255, b.length - i);
                rdata.write(n);
                rdata.write(b, i, n);
            }
        }
        return add(name, TXT, rdata.toByteArray());
    }

    public DnsServer mx(String name, int preference, String host) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        rdata.write(preference >> 8);
        rdata.write(preference & 0xff);
        writeName(rdata, host);
        return add(name, MX, rdata.toByteArray());
    }

    public DnsServer a(String name, String literal) throws IOException {
        byte[] address = InetAddress.getByName(literal).getAddress();
        return add(name, address.length == 4 ? A : AAAA, address);
    }

    private DnsServer add(String name, int type, byte[] rdata) {
        records.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(rdata);
        return this;
    }

    private void serve() {
        byte[] buf = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] answer = answer(buf, p.getLength());
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(byte[] q, int len) {
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (q[pos] != 0) {
            int n = q[pos] & 0xff;
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(q, pos + 1, n, StandardCharsets.US_ASCII));
            pos += n + 1;
        }
        pos++;
        int type = (q[pos] & 0xff) << 8 | q[pos + 1] & 0xff;
        int questionEnd = pos + 4;
        String key = name.toString().toLowerCase(Locale.ROOT);
        Map<Integer, List<byte[]>> byType = records.get(key);
        int rcode = failing.contains(key) ? 2 : byType == null ? 3 : 0;
        List<byte[]> rrs = rcode == 0 ? byType.getOrDefault(type, List.of()) : List.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        out.write(0x81 | q[2] & 0x01);      // QR, opcode 0, AA, RD copied
        out.write(0x80 | rcode);            // RA, rcode
        out.writeBytes(new byte[] {0, 1, (byte) (rrs.size() >> 8), (byte) rrs.size(), 0, 0, 0, 0});
        out.write(q, 12, questionEnd - 12);
        for (byte[] rdata : rrs) {
            out.writeBytes(new byte[] {(byte) 0xc0, 12, (byte) (type >> 8), (byte) type, 0, 1, 0, 0, 0, 60,
                    (byte) (rdata.length >> 8), (byte) rdata.length});
            out.writeBytes(rdata);
        }
        return out.toByteArray();
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            if (!label.isEmpty()) {
                out.write(label.length());
                out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.write(0);
    }

    @Override
    public void close() {
        socket.close();
    }
}
