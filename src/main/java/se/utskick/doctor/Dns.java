package se.utskick.doctor;

import java.net.InetAddress;
import java.util.List;

/**
 * The DNS lookups the doctor needs. A name that does not exist, or has no record of the type,
 * gives an empty list; a lookup without an answer (timeout, SERVFAIL) throws {@link DnsException}.
 * Names are given without the trailing dot.
 */
public interface Dns {

    /** The TXT records at {@code name}, each with its character-strings concatenated (RFC 7208 §3.3). */
    List<String> txt(String name);

    /** The MX records at {@code name}. */
    List<Mx> mx(String name);

    /** The A and AAAA addresses of {@code name}. */
    List<InetAddress> addresses(String name);

    /** One MX record; {@code host} without the trailing dot, "" for a null MX (RFC 7505). */
    record Mx(int preference, String host) {
    }
}
