package se.utskick.assembly;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.audience.Audiences;
import se.utskick.delivery.Delivery;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.letters.Letters;
import se.utskick.schedule.ScheduledJob;

/**
 * The month's letter jobs: {@code assemble-board} and {@code assemble-members} (the draft of the
 * coming period, its queued items, the notice), {@code send-scheduled} (every SCHEDULED letter whose
 * time has come) and, with {@code schedule.autosend.day}, {@code autosend-monthly}.
 *
 * <p>Never twice: a draft is created once per kind and period (UNIQUE (kind, period) decides between
 * nodes; only the node that created it sends the notice), and a letter is frozen once (its move to
 * SENDING is a compare-and-set in the freeze transaction), so any job may run again, late, or on
 * two nodes. Thread-safe.
 */
public final class MonthlyAssembly {
    private static final Logger log = LoggerFactory.getLogger(MonthlyAssembly.class);
    private final Letters letters;
    private final Delivery delivery;
    private final AssemblyConfig cfg;
    private final Clock clock;
    private final ReadyNotice notice;
    private final PausedNotice pausedNotice;

    /**
     * @param previewWritten told of each preview file written and the id of the member it names, so the
     *                       member's erasure deletes it (the register's {@code MemberFiles.record})
     */
    public MonthlyAssembly(Letters letters, Audiences audiences, Delivery delivery, AssemblyConfig cfg, Clock clock,
                           java.util.function.ObjLongConsumer<java.nio.file.Path> previewWritten) {
        this.letters = letters;
        this.delivery = delivery;
        this.cfg = cfg;
        this.clock = clock;
        this.notice = new ReadyNotice(letters, audiences, delivery, cfg, previewWritten);
        this.pausedNotice = new PausedNotice(letters, audiences, delivery, cfg);
    }

    /**
     * Tells the ombudsman that a sender paused a letter, with the cause and reason: a notice letter
     * to the notify list (delivery calls it once per such pause; wired in the root).
     */
    public void letterPaused(long letterId, se.utskick.delivery.Pause pause) {
        pausedNotice.send(letterId, pause);
    }

    public List<ScheduledJob> jobs() {
        List<ScheduledJob> jobs = new ArrayList<>();
        jobs.add(ScheduledJob.of("assemble-board", "Create the coming month's board letter draft with its queued items; notify the ombudsman",
                cfg.boardCron(), () -> assemble(LetterKind.BOARD, comingPeriod())));
        jobs.add(ScheduledJob.of("assemble-members", "Create the coming month's members' letter draft with its queued items; notify the ombudsman",
                cfg.membersCron(), () -> assemble(LetterKind.MEMBERS, comingPeriod())));
        jobs.add(ScheduledJob.of("send-scheduled", "Send every scheduled letter whose time has come",
                "every:" + cfg.sendsEvery().toSeconds(), this::sendScheduled));
        cfg.autosendDay().ifPresent(day -> jobs.add(ScheduledJob.of("autosend-monthly",
                "Send this month's approved monthly letters from day " + day + " of the month", "0 0 9 * * ?", this::autosend)));
        return List.copyOf(jobs);
    }

    /** The period the assembly jobs work on now: this month plus {@code schedule.assembly.months.ahead}. */
    public YearMonth comingPeriod() {
        return YearMonth.now(clock.withZone(cfg.zone())).plusMonths(cfg.monthsAhead());
    }

    /** The clock in the district's time zone ({@code schedule.timezone}). */
    public Clock zoneClock() {
        return clock.withZone(cfg.zone());
    }

    /** Assembles one kind's draft for {@code period}; the ombudsman is notified only when the draft is new. */
    public String assemble(LetterKind kind, YearMonth period) {
        Letters.Assembled a = letters.assemble(kind, period);
        Letter l = a.letter();
        if (!a.created()) {
            return l.label() + " exists already (" + l.state() + "); " + a.itemsAdded() + " queued items added";
        }
        log.info("assembled {}: draft with {} queued items", l.label(), a.itemsAdded());
        return l.label() + " created with " + a.itemsAdded() + " queued items; " + notice.send(l, a.itemsAdded());
    }

    /** Sends the SCHEDULED letters that are due; a letter another node froze first is skipped. */
    public String sendScheduled() {
        int sent = 0;
        List<String> failed = new ArrayList<>();
        for (long id : letters.dueScheduled(clock.instant())) {
            try {
                int n = delivery.send(id);
                log.info("scheduled letter {} sent: {} recipients frozen", id, n);
                sent++;
            } catch (UtskickException e) {
                if (letters.states().stateOf(id) != LetterState.SCHEDULED) {
                    continue;
                }
                log.warn("scheduled letter {} could not be sent: {}", id, e.getMessage());
                failed.add(id + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new UtskickException(sent + " scheduled letters sent; failed: " + String.join("; ", failed));
        }
        return sent + " scheduled letters sent";
    }

    /** From the configured day of the month on: sends this month's monthly letters that are APPROVED. */
    public String autosend() {
        LocalDate today = LocalDate.now(clock.withZone(cfg.zone()));
        if (cfg.autosendDay().isEmpty() || today.getDayOfMonth() < cfg.autosendDay().getAsInt()) {
            return "not the day to send";
        }
        int sent = 0;
        for (LetterKind kind : List.of(LetterKind.BOARD, LetterKind.MEMBERS)) {
            var l = letters.find(kind, YearMonth.from(today));
            if (l.isPresent() && l.get().state() == LetterState.APPROVED) {
                delivery.send(l.get().id());
                sent++;
            }
        }
        return sent + " approved monthly letters sent";
    }
}
