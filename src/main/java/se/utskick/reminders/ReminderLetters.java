package se.utskick.reminders;

import java.util.List;
import java.util.function.Supplier;
import se.utskick.delivery.Delivery;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterState;
import se.utskick.letters.Letters;

/**
 * Takes a reminder letter the rest of the way, from wherever a previous run stopped: a DRAFT gets
 * its recipients decided and stored and is approved (a draft with nobody to go to stays a draft, to
 * be decided again by the next run); an APPROVED letter is frozen into the outbox;
 * a letter already sending or sent is left alone. The outbox and the letter's state machine
 * (APPROVED → SENDING is a compare-and-set inside the freeze) make the send happen once, so a run
 * that crashes anywhere can simply be run again.
 */
final class ReminderLetters {
    private final Letters letters;
    private final Delivery delivery;
    private final ReminderStore store;

    ReminderLetters(Letters letters, Delivery delivery, ReminderStore store) {
        this.letters = letters;
        this.delivery = delivery;
        this.store = store;
    }

    /**
     * @param decide decides and stores the recipients (and may add the letter's items); returns how many
     * @return how many recipients were frozen now (0 if nobody, or if it had been sent before)
     */
    int send(long letterId, Supplier<Integer> decide) {
        Letter l = letters.get(letterId);
        if (l.state() == LetterState.DRAFT) {
            int n = decide.get();
            if (n == 0) {
                // nobody to send to yet: the draft stays, and the next run decides again
                return 0;
            }
            letters.approveReminder(letterId, n);
            l = letters.get(letterId);
        }
        int frozen = 0;
        if (l.state() == LetterState.APPROVED) {
            frozen = delivery.send(letterId);
        }
        store.forget(letterId);
        return frozen;
    }

    /** Stores {@code recipients} as the letter's and returns their number. */
    int store(long letterId, List<Recipient> recipients) {
        store.replaceRecipients(letterId, recipients);
        return recipients.size();
    }
}
