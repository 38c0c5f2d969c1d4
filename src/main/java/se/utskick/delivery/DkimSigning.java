package se.utskick.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Properties;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import se.utskick.ConfigException;

/**
 * DKIM signing (RFC 6376, rsa-sha256, relaxed/relaxed) through Simple Java Mail's utils-mail-dkim.
 * The library signs a MimeMessage as it writes it; we let it write into a buffer and send exactly
 * that buffer, so the signature always covers the bytes on the wire. Signed headers include
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 §4) and List-Id, Feedback-ID, Reply-To, Message-ID.
 * Thread-safe: the library's {@link DkimSigner} is not (it keeps its {@code MessageDigest} and
 * {@code Signature} in fields, and a signer shared by the sender workers wrote about 1% invalid
 * signatures with 4 workers), so each message gets a signer of its own, built from the key parsed
 * once here. A signer costs two JCA look-ups and an {@code initSign}: microseconds beside the RSA
 * signature itself.
 */
final class DkimSigning {
    private static final String[] SIGNED = {"List-Unsubscribe", "List-Unsubscribe-Post", "List-Id", "Feedback-ID", "Reply-To",
            "Message-ID", "Auto-Submitted"};
    private final DeliveryConfig.Dkim cfg;
    private final RSAPrivateKey key;
    private final Session session = Session.getInstance(new Properties());

    DkimSigning(DeliveryConfig.Dkim cfg) {
        this.cfg = cfg;
        try {
            key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(cfg.privateKeyFile())));
            signer();
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new ConfigException("the DKIM key in dkim.private.key.file (" + cfg.privateKeyFile()
                    + ") cannot be read as a PKCS#8 RSA private key in DER form: " + e.getMessage()
                    + " (convert with: openssl pkcs8 -topk8 -nocrypt -outform der -in key.pem -out key.der)");
        }
    }

    /** A signer for one message: never shared between threads. */
    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(cfg.domain(), cfg.selector(), key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setCheckDomainKey(false);
        for (String h : SIGNED) {
            signer.addHeaderToSign(h);
        }
        return signer;
    }

    byte[] sign(byte[] message) {
        try {
            MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(message));
            DkimMessage signed = new DkimMessage(parsed, signer());
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 600);
            signed.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }
}
