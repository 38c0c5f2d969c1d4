package se.utskick.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 §4) and List-Id, Reply-To, Message-ID.
 * Thread-safe: the signer is read-only after construction, a message is parsed per call.
 */
final class DkimSigning {
    private static final String[] SIGNED = {"List-Unsubscribe", "List-Unsubscribe-Post", "List-Id", "Reply-To",
            "Message-ID", "Auto-Submitted"};
    private final DkimSigner signer;
    private final Session session = Session.getInstance(new Properties());

    DkimSigning(DeliveryConfig.Dkim cfg) {
        try (InputStream key = Files.newInputStream(cfg.privateKeyFile())) {
            signer = new DkimSigner(cfg.domain(), cfg.selector(), key);
            signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
            signer.setHeaderCanonicalization(Canonicalization.RELAXED);
            signer.setBodyCanonicalization(Canonicalization.RELAXED);
            signer.setCheckDomainKey(false);
            for (String h : SIGNED) {
                signer.addHeaderToSign(h);
            }
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new ConfigException("the DKIM key in dkim.private.key.file (" + cfg.privateKeyFile()
                    + ") cannot be read as a PKCS#8 RSA private key in DER form: " + e.getMessage()
                    + " (convert with: openssl pkcs8 -topk8 -nocrypt -outform der -in key.pem -out key.der)");
        }
    }

    byte[] sign(byte[] message) {
        try {
            MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(message));
            DkimMessage signed = new DkimMessage(parsed, signer);
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 600);
            signed.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("DKIM signing failed: " + e.getMessage(), e);
        }
    }
}
