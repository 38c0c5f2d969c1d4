package se.utskick.reminders;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.Letters;

/**
 * The month's missing-address reminders: one REMINDER letter per month (period YYYY-MM), with one
 * message per association that has active members whose address needs fixing (register.AddressRule: MISSING, INVALID or BOUNCED today).
 *
 * <p>Who is told, per association in id order: its membership officers with a usable address; if
 * none, its chairs with one; a person already told for another association this month is skipped
 * (one message per person per letter). An association nobody can be told about is listed in one
 * message to the ombudsman ({@link Ombudsman}). Nothing is created when nothing needs fixing.
 */
final class AddressReminders {
    private static final Logger log = LoggerFactory.getLogger(AddressReminders.class);
    private final ReminderStore store;
    private final Letters letters;
    private final ReminderLetters sender;
    private final Ombudsman ombudsman;
    private final ReminderConfig cfg;
    private final Clock clock;

    AddressReminders(ReminderStore store, Letters letters, ReminderLetters sender, Ombudsman ombudsman, ReminderConfig cfg, Clock clock) {
        this.store = store;
        this.letters = letters;
        this.sender = sender;
        this.ombudsman = ombudsman;
        this.cfg = cfg;
        this.clock = clock;
    }

    /** Sends this month's reminders unless they were sent; returns a one-line summary with counts. */
    String run() {
        YearMonth month = YearMonth.now(clock.withZone(cfg.zone()));
        Optional<Long> existing = store.letterFor(Purpose.ADDRESSES, month.toString(), null);
        if (existing.isEmpty() && store.problemCounts().isEmpty()) {
            return month + ": no association has members to fix; nothing sent";
        }
        long letterId = existing.orElseGet(() -> create(month));
        int[] told = new int[3];
        int frozen = sender.send(letterId, () -> decide(letterId, told));
        if (frozen == 0) {
            return told[1] > 0 ? month + ": " + told[1] + " associations have members to fix but nobody to tell (no officer, chair "
                    + "or ombudsman with a usable address; set mail.ombudsman.address); nothing sent, the next run tries again"
                    : month + ": reminders already sent (letter " + letterId + "); nothing sent";
        }
        log.info("missing-address reminders {}: letter {}, {} associations told, {} unreachable, {} messages queued",
                month, letterId, told[0], told[1], frozen);
        return month + ": letter " + letterId + ", " + told[0] + " associations told, " + told[1] + " unreachable"
                + (told[1] > 0 && told[2] == 0 ? " and no ombudsman to tell (set mail.ombudsman.address)" : "")
                + ", " + frozen + " messages queued";
    }

    private long create(YearMonth month) {
        Letter l = letters.find(LetterKind.REMINDER, month).orElseGet(() -> letters.createReminder(month,
                "Medlemmar utan fungerande e-postadress", "medlemsansvariga i föreningar med adresser att rätta", null, null));
        store.record(l.id(), Purpose.ADDRESSES, month.toString(), null);
        return store.letterFor(Purpose.ADDRESSES, month.toString(), null).orElse(l.id());
    }

    /** Decides and stores the recipients; told = {associations told, unreachable, ombudsman messages}. */
    private int decide(long letterId, int[] told) {
        Map<Long, Integer> problems = store.problemCounts();
        Map<Long, String> names = store.associationNames();
        List<Recipient> recipients = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        List<String> unreachable = new ArrayList<>();
        for (Map.Entry<Long, Integer> p : problems.entrySet()) {
            long assoc = p.getKey();
            List<ReminderStore.Holder> officers = store.holders("MEMBERSHIP_OFFICER", assoc);
            List<ReminderStore.Holder> to = free(officers, taken);
            List<ReminderStore.Holder> chairs = List.of();
            if (to.isEmpty()) {
                chairs = store.holders("CHAIR", assoc);
                to = free(chairs, taken);
            }
            if (to.isEmpty()) {
                unreachable.add("- **" + MarkdownText.literal(names.getOrDefault(assoc, "förening " + assoc)) + "**: "
                        + p.getValue() + (p.getValue() == 1 ? " medlem" : " medlemmar") + " att rätta; " + why(officers, chairs));
                continue;
            }
            told[0]++;
            for (ReminderStore.Holder h : to) {
                taken.add(h.memberId());
                recipients.add(h.to(assoc));
            }
        }
        told[1] = unreachable.size();
        if (!unreachable.isEmpty()) {
            List<Recipient> om = ombudsman.recipients(taken);
            told[2] = om.size();
            recipients.addAll(om);
            if (!om.isEmpty() && letters.get(letterId).items().isEmpty()) {
                letters.addText(letterId, "Föreningar som inte nåddes", String.join("\n", unreachable));
            }
        }
        return sender.store(letterId, recipients);
    }

    private static List<ReminderStore.Holder> free(List<ReminderStore.Holder> holders, Set<Long> taken) {
        return holders.stream().filter(h -> h.usable() && !taken.contains(h.memberId())).toList();
    }

    private static String why(List<ReminderStore.Holder> officers, List<ReminderStore.Holder> chairs) {
        return (officers.isEmpty() ? "ingen medlemsansvarig" : "medlemsansvarig utan fungerande adress") + " och "
                + (chairs.isEmpty() ? "ingen ordförande" : "ordförande utan fungerande adress");
    }
}
