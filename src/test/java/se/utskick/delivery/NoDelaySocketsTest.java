package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import se.utskick.Config;

/**
 * Guards that every SMTP connection is opened with Nagle's algorithm off: with it on, the lone
 * "." that ends DATA waits for a delayed ACK and each message costs ~40 ms per connection.
 */
class NoDelaySocketsTest {

    @Test
    void smtpSessionsOpenSocketsWithTcpNoDelay() throws Exception {
        DeliveryConfig cfg = DeliveryConfig.from(Config.of(Map.of("smtp.host", "127.0.0.1", "smtp.starttls", "off")));
        SocketFactory f = (SocketFactory) SmtpConnection.properties(cfg).get("mail.smtp.socketFactory");
        try (Socket s = f.createSocket()) {
            assertTrue(s.getTcpNoDelay());
        }
    }

    @Test
    void implicitTlsSocketsAlsoHaveTcpNoDelay() throws Exception {
        try (Socket s = NoDelaySockets.tls().createSocket()) {
            assertTrue(s.getTcpNoDelay());
        }
    }
}
