package se.utskick.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.replies.RepliesConfig;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards {@code utskick doctor}: a healthy set-up is all OK, and each bad input — an unreachable
 * relay, a relay without STARTTLS when it is required, a wrong sign-in, a wrong IMAP password, a
 * missing processed folder, a DKIM record of another key pair, no DMARC, SPF +all, an SPF that does
 * not cover the relay, an include loop — gives one clear line. The graph is the real one
 * ({@link Utskick#wire}) on the embedded MariaDB; the relay is a hand-written SMTP server, the
 * mailbox GreenMail, the DNS a fake resolver.
 */
class DoctorTest {
    static final String DOMAIN = "varmland.example.org";
    static final String MAILBOX = "svar@" + DOMAIN;
    private static KeyPair dkimKeys;
    private static KeyPair otherKeys;
    private static Database db;

    @TempDir
    Path dir;
    private GreenMail mail;
    private ScriptedSmtpServer relay;
    private Map<String, String> cfg;
    private FakeDns dns;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        dkimKeys = g.generateKeyPair();
        otherKeys = g.generateKeyPair();
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void closeDb() {
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, "hemligt");
        relay = ScriptedSmtpServer.start(new SmtpScript().signIn("utskick", "relay-lösen"));
        Path key = Files.write(dir.resolve("dkim.der"), dkimKeys.getPrivate().getEncoded());
        cfg = healthyConfig(relay.port(), mail.getImap().getPort(), key);
        dns = healthyDns(dkimKeys);
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.close();
        mail.stop();
    }

    static Map<String, String> healthyConfig(int smtpPort, int imapPort, Path dkimKey) {
        Map<String, String> c = new HashMap<>();
        c.put("security.secret", se.utskick.TestSecret.VALUE);
        c.put("smtp.host", "127.0.0.1");
        c.put("smtp.port", String.valueOf(smtpPort));
        c.put("smtp.starttls", "if_available");
        c.put("smtp.user", "utskick");
        c.put("smtp.password", "relay-lösen");
        c.put("smtp.timeout.connect", "2s");
        c.put("smtp.timeout.read", "5s");
        c.put("mail.domain", DOMAIN);
        c.put("mail.from.address", "distriktet@" + DOMAIN);
        c.put("replies.imap.protocol", "imap");
        c.put("replies.imap.host", "127.0.0.1");
        c.put("replies.imap.port", String.valueOf(imapPort));
        c.put("replies.imap.starttls", "false");
        c.put("replies.imap.user", MAILBOX);
        c.put("replies.imap.password", "hemligt");
        c.put("dkim.domain", DOMAIN);
        c.put("dkim.selector", "utskick1");
        c.put("dkim.private.key.file", dkimKey.toString());
        return c;
    }

    /** SPF through an include to the relay's loopback network, the DKIM key, DMARC quarantine, an MX. */
    static FakeDns healthyDns(KeyPair dkim) {
        return new FakeDns()
                .txt(DOMAIN, "google-site-verification=abc", "v=spf1 include:_spf.relay.example ~all")
                .txt("_spf.relay.example", "v=spf1 ip4:198.51.100.0/24 ip4:127.0.0.0/8 -all")
                .txt("utskick1._domainkey." + DOMAIN, dkimRecord(dkim))
                .txt("_dmarc." + DOMAIN, "v=DMARC1; p=quarantine; rua=mailto:dmarc@" + DOMAIN)
                .mx(DOMAIN, 10, "mx1." + DOMAIN).mx(DOMAIN, 20, "mx2." + DOMAIN);
    }

    static String dkimRecord(KeyPair keys) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private List<Finding> doctor() {
        // Not closed: closing the graph closes the database it was given, which the tests share.
        Utskick app = Utskick.wire(Config.of(cfg), db);
        return new Doctor(app.delivery().config(), RepliesConfig.from(app.config()), dns).run(app::database);
    }

    private static Finding line(List<Finding> findings, String check) {
        return findings.stream().filter(f -> f.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + check + "' line in:\n" + text(findings)));
    }

    static String text(List<Finding> findings) {
        return findings.stream().map(Finding::line).collect(Collectors.joining("\n"));
    }

    private static void assertLine(List<Finding> findings, String check, Status status, String... words) {
        Finding f = line(findings, check);
        assertEquals(status, f.status(), text(findings));
        for (String w : words) {
            assertTrue(f.line().contains(w), "'" + w + "' not in: " + f.line());
        }
    }

    @Test
    void aHealthySetUpIsAllOkAndSendsNothing() {
        List<Finding> findings = doctor();
        assertTrue(findings.stream().allMatch(f -> f.status() == Status.OK), text(findings));
        assertEquals(0, Doctor.exitCode(findings));
        assertLine(findings, "database", Status.OK, "MariaDB", "10.6+");
        assertLine(findings, "smtp", Status.OK, "connected to 127.0.0.1:" + relay.port());
        assertLine(findings, "smtp auth", Status.OK, "signed in as utskick");
        assertLine(findings, "smtp sender", Status.OK, "bounce+doctor@" + DOMAIN);
        assertLine(findings, "imap folder", Status.OK, "INBOX exists");
        assertLine(findings, "spf", Status.OK, "covers the relay", "ip4:127.0.0.0/8", "_spf.relay.example");
        assertLine(findings, "dkim", Status.OK, "utskick1._domainkey." + DOMAIN, "RSA 2048 bits");
        assertLine(findings, "dmarc", Status.OK, "p=quarantine");
        assertLine(findings, "alignment", Status.OK, "relaxed");
        assertLine(findings, "mx", Status.OK, "mx1." + DOMAIN + " (10)");
        assertTrue(relay.commands.stream().noneMatch(c -> c.startsWith("RCPT") || c.startsWith("DATA")), relay.commands.toString());
        assertTrue(relay.commands.stream().noneMatch(c -> c.contains("relay-lösen")), "the password is sent only base64 in AUTH");
        assertTrue(text(findings).indexOf("relay-lösen") < 0 && !text(findings).contains("hemligt"), "no secret printed");
    }

    @Test
    void anUnreachableRelayIsOneFailLineWithTheFix() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        cfg.put("smtp.port", String.valueOf(closed));
        List<Finding> findings = doctor();
        assertLine(findings, "smtp", Status.FAIL, "cannot connect to 127.0.0.1:" + closed, "check smtp.host and smtp.port");
        assertEquals(1, Doctor.exitCode(findings));
        assertLine(findings, "imap", Status.OK); // one failure does not stop the other checks
        assertLine(findings, "dkim", Status.OK);
    }

    @Test
    void aRelayWithoutStartTlsFailsWhenItIsRequired() {
        cfg.put("smtp.starttls", "required");
        List<Finding> findings = doctor();
        assertLine(findings, "smtp tls", Status.FAIL, "STARTTLS is not offered", "smtp.starttls = required", "port 587");
        assertEquals(1, Doctor.exitCode(findings));
    }

    @Test
    void aRelayWithoutStartTlsOnThisMachineIsFineWhenOnlyIfAvailable() {
        assertLine(doctor(), "smtp tls", Status.OK, "no STARTTLS, with the relay on this machine");
    }

    @Test
    void aRelayThatOffersStartTlsButFailsItIsAFail() throws Exception {
        relay.close();
        relay = ScriptedSmtpServer.start(new SmtpScript().offerStartTls());
        cfg.put("smtp.port", String.valueOf(relay.port()));
        cfg.remove("smtp.user");
        assertLine(doctor(), "smtp tls", Status.FAIL, "STARTTLS is offered but answered '454");
    }

    @Test
    void aRelayWhoseCertificateIsNotTrustedFailsTheTlsLine() {
        GreenMail smtps = new GreenMail(ServerSetupTest.SMTPS.dynamicPort()); // GreenMail's own self-signed certificate
        smtps.start();
        try {
            cfg.put("smtp.port", String.valueOf(smtps.getSmtps().getPort()));
            cfg.put("smtp.tls", "true");
            List<Finding> findings = doctor();
            assertLine(findings, "smtp tls", Status.FAIL, "the TLS handshake with 127.0.0.1:" + smtps.getSmtps().getPort()
                    + " failed", "certificate must be valid for the name in smtp.host");
            assertEquals(1, Doctor.exitCode(findings));
        } finally {
            smtps.stop();
        }
    }

    @Test
    void aWrongRelayPasswordIsRefusedSignIn() {
        cfg.put("smtp.password", "fel");
        List<Finding> findings = doctor();
        assertLine(findings, "smtp auth", Status.FAIL, "refuses the sign-in of utskick", "535", "smtp.password");
        assertTrue(!text(findings).contains("fel'") && !text(findings).contains("relay-lösen"));
    }

    @Test
    void aRelayThatWantsASignInWithoutSmtpUserRefusesTheSender() {
        cfg.remove("smtp.user");
        cfg.remove("smtp.password");
        assertLine(doctor(), "smtp sender", Status.FAIL, "refuses the envelope sender", "530", "smtp.user");
    }

    @Test
    void theEmbeddedRelayIsOkForTheDemoAndDnsIsNotChecked() {
        cfg.put("smtp.host", "embedded");
        List<Finding> findings = doctor();
        assertLine(findings, "smtp", Status.OK, "embedded", "demo only");
        assertLine(findings, "dns", Status.OK, "not checked");
        assertEquals(0, dns.lookups.get());
    }

    @Test
    void aWrongImapPasswordFailsTheMailboxLine() {
        cfg.put("replies.imap.password", "fel-lösen");
        List<Finding> findings = doctor();
        assertLine(findings, "imap", Status.FAIL, "refuses the sign-in of " + MAILBOX, "replies.imap.password");
        assertEquals(1, Doctor.exitCode(findings));
    }

    @Test
    void anUnconfiguredMailboxIsAWarning() {
        cfg.remove("replies.imap.host");
        assertLine(doctor(), "imap", Status.WARN, "replies.imap.host is not set", "bounces");
    }

    @Test
    void aMissingFolderFailsAndNamesTheFoldersThere() {
        cfg.put("replies.imap.folders", "INBOX, Svar");
        assertLine(doctor(), "imap folder", Status.OK, "INBOX exists");
        List<Finding> findings = doctor();
        Finding svar = findings.stream().filter(f -> f.check().equals("imap folder") && f.found().startsWith("Svar")).findFirst().orElseThrow();
        assertEquals(Status.FAIL, svar.status(), svar.line());
        assertTrue(svar.line().contains("does not exist") && svar.line().contains("the mailbox has: INBOX"), svar.line());
    }

    @Test
    void aMissingProcessedFolderIsCreatedAndTheLineSaysSo() throws Exception {
        assertTrue(!folderExists("Utskick-processed"));
        assertLine(doctor(), "imap processed", Status.OK, "Utskick-processed did not exist: created it now");
        assertTrue(folderExists("Utskick-processed"));
        assertLine(doctor(), "imap processed", Status.OK, "Utskick-processed exists");
    }

    private boolean folderExists(String name) throws Exception {
        Properties p = new Properties();
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), MAILBOX, "hemligt");
        try (store) {
            Folder f = store.getFolder(name);
            return f.exists();
        }
    }

    @Test
    void aDkimRecordOfAnotherKeyPairFailsAndGivesTheRecordToPublish() {
        dns.txt.put("utskick1._domainkey." + DOMAIN, List.of(dkimRecord(otherKeys)));
        List<Finding> findings = doctor();
        assertLine(findings, "dkim", Status.FAIL, "not the public half of dkim.private.key.file", "another key pair",
                "publish TXT at utskick1._domainkey." + DOMAIN, dkimRecord(dkimKeys));
        assertEquals(1, Doctor.exitCode(findings));
    }

    @Test
    void aMissingDkimRecordFails() {
        dns.txt.remove("utskick1._domainkey." + DOMAIN);
        assertLine(doctor(), "dkim", Status.FAIL, "no TXT record at utskick1._domainkey." + DOMAIN, dkimRecord(dkimKeys));
    }

    @Test
    void aRevokedDkimKeyFails() {
        dns.txt.put("utskick1._domainkey." + DOMAIN, List.of("v=DKIM1; k=rsa; p="));
        assertLine(doctor(), "dkim", Status.FAIL, "empty p= (the key is revoked)");
    }

    @Test
    void aDkimKeyFileThatIsNoKeyFailsNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.der"), "not a key");
        cfg.put("dkim.private.key.file", bad.toString());
        List<Finding> findings = doctorAsTheCommand();
        assertLine(findings, "dkim", Status.FAIL, "dkim.private.key.file (" + bad + ")", "openssl pkcs8");
        assertLine(findings, "config", Status.FAIL, "Utskick does not start", "dkim.private.key.file");
    }

    @Test
    void aPemKeyFileFailsWithTheCommandThatConvertsIt() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(dkimKeys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        cfg.put("dkim.private.key.file", Files.writeString(dir.resolve("dkim.pem"), pem).toString());
        assertLine(doctorAsTheCommand(), "dkim", Status.FAIL, "PEM", "reads PKCS#8 DER", "openssl pkcs8 -topk8 -nocrypt -outform der");
    }

    /** As {@code DoctorCommand} does: the configs read alone, the graph wired only for the database line. */
    private List<Finding> doctorAsTheCommand() {
        Config c = Config.of(cfg);
        return new Doctor(DeliveryConfig.from(c), RepliesConfig.from(c), dns).run(() -> Utskick.wire(c, db).database());
    }

    @Test
    void noDkimFailsForRealSendingWithHowToMakeAKey() {
        cfg.remove("dkim.private.key.file");
        List<Finding> findings = doctor();
        assertLine(findings, "dkim", Status.FAIL, "not configured", "Gmail", "openssl genpkey");
        assertLine(findings, "alignment", Status.WARN, "only on SPF");
    }

    @Test
    void aDkimDomainOfAnotherOrganisationIsNotAligned() {
        cfg.put("dkim.domain", "relay-provider.example.net");
        dns.txt("utskick1._domainkey.relay-provider.example.net", dkimRecord(dkimKeys));
        List<Finding> findings = doctor();
        assertLine(findings, "dkim", Status.OK);
        assertLine(findings, "alignment", Status.WARN, "DKIM d=relay-provider.example.net is not aligned with From " + DOMAIN,
                "dkim.domain = example.org");
    }

    @Test
    void aSubdomainDkimIsAlignedRelaxedButNotStrict() {
        cfg.put("dkim.domain", "nyhetsbrev." + DOMAIN);
        dns.txt("utskick1._domainkey.nyhetsbrev." + DOMAIN, dkimRecord(dkimKeys));
        assertLine(doctor(), "alignment", Status.OK, "relaxed: the same organisational domain example.org");
        dns.txt.put("_dmarc." + DOMAIN, List.of("v=DMARC1; p=reject; adkim=s"));
        assertLine(doctor(), "alignment", Status.WARN, "strict (adkim=s)");
    }

    @Test
    void aMissingDmarcRecordFails() {
        dns.txt.remove("_dmarc." + DOMAIN);
        List<Finding> findings = doctor();
        assertLine(findings, "dmarc", Status.FAIL, "no v=DMARC1 record at _dmarc." + DOMAIN + " nor _dmarc.example.org",
                "Gmail, Yahoo and Microsoft", "publish TXT at _dmarc.example.org");
        assertEquals(1, Doctor.exitCode(findings));
    }

    @Test
    void theOrganisationalDomainsDmarcCountsAndPNoneIsAWarning() {
        dns.txt.remove("_dmarc." + DOMAIN);
        dns.txt("_dmarc.example.org", "v=DMARC1; p=none; rua=mailto:d@example.org");
        assertLine(doctor(), "dmarc", Status.WARN, "_dmarc.example.org (the organisational domain's", "p=none");
    }

    @Test
    void noMxForTheReplyDomainFails() {
        dns.mx.remove(DOMAIN);
        assertLine(doctor(), "mx", Status.FAIL, DOMAIN + " has no MX and no address", "replies.imap");
    }

    @Test
    void aDnsTimeoutIsAWarningNotAFail() {
        dns.unanswered.add("_dmarc." + DOMAIN);
        assertLine(doctor(), "dmarc", Status.WARN, "cannot decide", "_dmarc." + DOMAIN);
    }

    @Test
    void aDatabaseOlderThan106FailsAndOneThatIsNotMariaDbWarns() {
        assertEquals(Status.FAIL, DatabaseCheck.verdict("10.5.23-MariaDB").status());
        assertTrue(DatabaseCheck.verdict("10.5.23-MariaDB").line().contains("older than 10.6, which SKIP LOCKED needs"));
        assertEquals(Status.OK, DatabaseCheck.verdict("10.6.0-MariaDB-log").status());
        assertEquals(Status.OK, DatabaseCheck.verdict("11.4.2-MariaDB").status());
        assertEquals(Status.WARN, DatabaseCheck.verdict("8.0.36").status());
    }

    // ---- SPF, on the DNS checks alone (the relay named here is not spoken to) ---------------------

    /** The spf line of a whole doctor run (the relay is the test's, on 127.0.0.1). */
    private Finding spf() {
        return line(doctor(), "spf");
    }

    /** The spf line for a relay known only to the fake DNS: the DNS checks alone, so no socket goes to it. */
    private Finding spf(String smtpHost) {
        cfg.put("smtp.host", smtpHost);
        return new DnsChecks(DeliveryConfig.from(Config.of(cfg)), dns).spf();
    }

    @Test
    void spfPlusAllFails() {
        dns.txt.put(DOMAIN, List.of("v=spf1 include:_spf.relay.example +all"));
        Finding f = spf();
        assertEquals(Status.FAIL, f.status(), f.line());
        assertTrue(f.line().contains("ends in '+all': anyone may send as " + DOMAIN) && f.line().contains("-all"), f.line());
        dns.txt.put(DOMAIN, List.of("v=spf1 all"));
        assertEquals(Status.FAIL, spf().status());
    }

    @Test
    void spfThatDoesNotCoverAPublicRelayFails() {
        dns.a("smtp.relay.example", "203.0.113.25");
        Finding f = spf("smtp.relay.example");
        assertEquals(Status.FAIL, f.status(), f.line());
        assertTrue(f.line().contains("does not cover the relay smtp.relay.example: 203.0.113.25 (softfail, '~all' in the record of "
                + DOMAIN + ")"), f.line());
    }

    @Test
    void spfCoversARelayThroughAMxOrAMechanism() {
        dns.txt.put("_spf.relay.example", List.of("v=spf1 mx:relay.example a:out.relay.example/28 -all"));
        dns.mx("relay.example", 10, "in.relay.example").a("in.relay.example", "198.51.100.1")
                .a("out.relay.example", "203.0.113.17").a("smtp.relay.example", "203.0.113.30");
        Finding f = spf("smtp.relay.example");
        assertEquals(Status.OK, f.status(), f.line());
        assertTrue(f.line().contains("by 'a:out.relay.example/28' in the record of _spf.relay.example, through "
                + "'include:_spf.relay.example' in the record of " + DOMAIN), f.line());
    }

    @Test
    void spfThatDoesNotCoverALoopbackRelayCannotBeDecided() {
        dns.txt.put(DOMAIN, List.of("v=spf1 ip4:203.0.113.0/24 -all"));
        Finding f = spf();
        assertEquals(Status.WARN, f.status(), f.line());
        assertTrue(f.line().contains("not a public address"), f.line());
    }

    @Test
    void anSpfIncludeLoopStopsAfterTenLookupsWithAClearLine() throws Exception {
        dns.txt.put(DOMAIN, List.of("v=spf1 include:_spf.a.example -all"));
        dns.txt("_spf.a.example", "v=spf1 include:_spf.b.example -all");
        dns.txt("_spf.b.example", "v=spf1 include:_spf.a.example -all");
        Finding f = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> spf());
        assertEquals(Status.FAIL, f.status(), f.line());
        assertTrue(f.line().contains("permerror") && f.line().contains("more than 10 DNS lookups")
                && f.line().contains("include loop"), f.line());
        dns.lookups.set(0);
        Spf.Verdict v = new Spf(dns).check(java.net.InetAddress.getLoopbackAddress(), DOMAIN);
        assertEquals(Spf.Result.PERMERROR, v.result());
        assertEquals(Spf.MAX_LOOKUPS + 1, dns.lookups.get(), "the record and ten includes, then stop");
    }

    @Test
    void anSpfWithThreeMechanismsForVanishedNamesIsAPermerror() {
        dns.txt.put(DOMAIN, List.of("v=spf1 a:old1.example mx:old2.example a:old3.example ip4:127.0.0.1 -all"));
        Finding f = spf();
        assertEquals(Status.FAIL, f.status(), f.line());
        assertTrue(f.line().contains("permerror") && f.line().contains("lookups that found nothing")
                && f.line().contains("'a:old3.example'"), f.line());
    }

    @Test
    void noSpfRecordFailsAndTwoRecordsFail() {
        dns.txt.put(DOMAIN, List.of("some other text"));
        Finding none = spf();
        assertEquals(Status.FAIL, none.status(), none.line());
        assertTrue(none.line().contains("no v=spf1 TXT record at " + DOMAIN), none.line());
        dns.txt.put(DOMAIN, List.of("v=spf1 -all", "v=spf1 ip4:127.0.0.1 -all"));
        Finding two = spf();
        assertEquals(Status.FAIL, two.status(), two.line());
        assertTrue(two.line().contains("2 v=spf1 records"), two.line());
    }

    @Test
    void spfWithAMacroCannotBeDecided() {
        dns.txt.put(DOMAIN, List.of("v=spf1 exists:%{i}._spf.example.org -all"));
        Finding f = spf();
        assertEquals(Status.WARN, f.status(), f.line());
        assertTrue(f.line().contains("macro"), f.line());
    }
}
