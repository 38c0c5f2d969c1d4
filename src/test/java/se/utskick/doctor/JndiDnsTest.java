package se.utskick.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guards the real resolver against a hand-written DNS server on UDP: a TXT record of several
 * character-strings (a DKIM key over 255 bytes) comes back joined with nothing between them, as
 * RFC 6376 reads it; quotes and spaces survive; a name that does not exist is an empty list; a
 * server failure is a {@link DnsException}, not "no record".
 */
class JndiDnsTest {
    private DnsServer server;
    private JndiDns dns;

    @BeforeEach
    void setUp() throws Exception {
        server = new DnsServer();
        dns = new JndiDns(Optional.of(server.address()));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aTxtRecordOfSeveralStringsIsJoinedWithoutSeparator() {
        String key = "p=" + "A".repeat(400);
        server.txt("sel._domainkey.example.org", "v=DKIM1; k=rsa; " + key);
        server.txt("example.org", "v=spf1 ", "include:_spf.example.net -all");
        server.txt("example.org", "say \"hi\"\\there");
        assertEquals(List.of("v=DKIM1; k=rsa; " + key), dns.txt("sel._domainkey.example.org"));
        List<String> txt = dns.txt("example.org");
        assertTrue(txt.contains("v=spf1 include:_spf.example.net -all"), txt.toString());
        assertTrue(txt.contains("say \"hi\"\\there"), txt.toString());
    }

    @Test
    void mxAndAddressesAreParsed() throws Exception {
        server.mx("example.org", 20, "mx2.example.org").mx("example.org", 10, "mx1.example.org")
                .a("mx1.example.org", "192.0.2.1").a("mx1.example.org", "2001:db8::1");
        assertEquals(List.of(new Dns.Mx(20, "mx2.example.org"), new Dns.Mx(10, "mx1.example.org")).stream().sorted(
                java.util.Comparator.comparingInt(Dns.Mx::preference)).toList(),
                dns.mx("example.org").stream().sorted(java.util.Comparator.comparingInt(Dns.Mx::preference)).toList());
        assertEquals(List.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1")),
                dns.addresses("mx1.example.org"));
    }

    @Test
    void aMissingNameOrTypeIsEmptyAndAServerFailureThrows() {
        server.txt("example.org", "v=spf1 -all");
        assertEquals(List.of(), dns.txt("_dmarc.example.org"));
        assertEquals(List.of(), dns.mx("example.org"));
        server.failing.add("_dmarc.example.org");
        DnsException e = assertThrows(DnsException.class, () -> dns.txt("_dmarc.example.org"));
        assertTrue(e.getMessage().contains("_dmarc.example.org TXT") && e.getMessage().contains(server.address()), e.getMessage());
    }

    @Test
    void jndiTextIsUnquoted() {
        assertEquals("v=DKIM1; k=rsa; p=ABCDEF", JndiDns.joinStrings("\"v=DKIM1; k=rsa; p=ABC\" DEF"));
        assertEquals("a\"b\\c d", JndiDns.joinStrings("\"a\\\"b\\\\c d\""));
        assertEquals("", JndiDns.joinStrings("\"\""));
    }
}
