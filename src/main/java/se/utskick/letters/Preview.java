package se.utskick.letters;

import se.utskick.audience.AudienceMember;
import se.utskick.audience.Audiences;
import se.utskick.audience.Rule;
import se.utskick.delivery.LetterComposer.ComposedMessage;
import se.utskick.delivery.LetterComposer.Recipient;

/**
 * One recipient's message exactly as composition gives it, plus the headers it would be sent with.
 * Message-ID, Reply-To and the real unsubscribe link carry a per-delivery token that only delivery
 * makes; the preview shows placeholders for them.
 */
public record Preview(Letter letter, AudienceMember member, ComposedMessage message, String headers) {
    static final String PLACEHOLDER_UNSUBSCRIBE = "https://example.invalid/avregistrera/FORHANDSVISNING";

    static Preview of(Letter l, String memberNumber, Audiences audiences, TemplateLetterComposer composer, LettersConfig cfg) {
        Rule rule = Rule.parse(l.audienceRule());
        boolean members = l.kind().offersUnsubscribe();
        AudienceMember m;
        if (memberNumber != null) {
            m = audiences.recipient(rule, members, memberNumber).orElseThrow(() -> new InvalidLetterField(l.id(), "member",
                    "error.preview.member", "member " + memberNumber + " is not a recipient of " + l.label()
                    + " (not in its audience, left, without a usable address or unsubscribed)", memberNumber));
        } else {
            m = audiences.first(rule, members).orElseThrow(() -> new WrongLetterState(l.id(), l.state(), "error.letter.audience.empty",
                    l.label() + " has nobody to go to: its audience (" + l.audienceName() + ") is empty"));
        }
        return of(l, m, composer.prepared(l), cfg);
    }

    /** The message {@code m} got or would get, from {@code p} (as stored at approval for a letter approved or sent). */
    static Preview of(Letter l, AudienceMember m, PreparedTemplateLetter p, LettersConfig cfg) {
        boolean members = l.kind().offersUnsubscribe();
        ComposedMessage msg = p.compose(new Recipient(0, m.memberId(), m.email(), m.firstName(), m.lastName(), m.associationId(),
                members ? PLACEHOLDER_UNSUBSCRIBE : null));
        StringBuilder h = new StringBuilder()
                .append("Subject: ").append(msg.subject()).append('\n')
                .append("From: ").append(cfg.from()).append('\n')
                .append("To: ").append(m.firstName()).append(' ').append(m.lastName()).append(" <").append(m.email()).append(">\n")
                .append("List-Id: ").append(p.listId()).append('\n');
        if (p.offersUnsubscribe()) {
            h.append("List-Unsubscribe: <").append(PLACEHOLDER_UNSUBSCRIBE).append(">\n")
                    .append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n");
        }
        h.append("Reply-To: (per delivery: reply+TOKEN@...)\n").append("Message-ID: (per delivery, carries the token)\n");
        return new Preview(l, m, msg, h.toString());
    }
}
