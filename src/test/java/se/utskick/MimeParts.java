package se.utskick;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded text of a message's first part of a MIME type, for tests that read what GreenMail received. */
final class MimeParts {
    private MimeParts() {
    }

    static String part(Part p, String type) throws Exception {
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String s = part(b, type);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        return p.isMimeType(type) ? (String) p.getContent() : null;
    }
}
