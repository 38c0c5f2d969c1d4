package se.utskick;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import se.utskick.assembly.AssemblyConfig;
import se.utskick.assembly.MonthlyAssembly;
import se.utskick.audience.AudienceRecipientSource;
import se.utskick.audience.Audiences;
import se.utskick.audit.AuditLog;
import se.utskick.db.Database;
import se.utskick.db.DatabaseConfig;
import se.utskick.db.NamedQueries;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.EmbeddedMailServer;
import se.utskick.delivery.InvalidAddresses;
import se.utskick.letters.Letters;
import se.utskick.letters.LettersConfig;
import se.utskick.register.EmailStatus;
import se.utskick.register.Register;
import se.utskick.register.RegisterConfig;
import se.utskick.reminders.ReminderConfig;
import se.utskick.reminders.Reminders;
import se.utskick.replies.Replies;
import se.utskick.replies.RepliesConfig;
import se.utskick.replies.RepliesErasure;
import se.utskick.schedule.Schedule;
import se.utskick.schedule.ScheduleConfig;
import se.utskick.schedule.ScheduledJob;
import se.utskick.users.Users;
import se.utskick.users.UsersConfig;

/**
 * The composition root: builds the whole object graph by hand, in dependency order, from one
 * {@link Config}, after preparing every feature's named queries on the database
 * ({@link #namedQueries()}); and the running node ({@link #startNode}: web server, sender workers,
 * scheduler). Nothing else constructs services; nothing holds a static reference to them.
 *
 * <p>Lifecycle: {@link #start} opens the database (starting an embedded MariaDB when no URL is
 * configured) and migrates it, and starts the embedded GreenMail when {@code smtp.host = embedded};
 * {@link #close} releases everything in reverse order.
 */
public final class Utskick implements AutoCloseable {
    private final Config config;
    private final Database database;
    private final Keyring keyring;
    private final Register register;
    private final Audiences audiences;
    private final Letters letters;
    private final AudienceRecipientSource recipientSource;
    private final Delivery delivery;
    private final Replies replies;
    private final Reminders reminders;
    private final MonthlyAssembly assembly;
    private final AuditLog audit;
    private final Users users;
    private final se.utskick.associations.Associations associations;
    private EmbeddedMailServer embeddedMail;
    // admin (issue 16): lists from forms, member search, register import and staff administration in the browser
    private final se.utskick.audience.SavedLists savedLists;
    private final se.utskick.register.MemberSearch memberSearch;
    private final se.utskick.users.StaffAdmin staffAdmin;

    private Utskick(Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.keyring = Keyring.from(config);
        this.register = new Register(database, RegisterConfig.from(config), keyring, clock);
        this.audiences = new Audiences(database);
        ReminderConfig reminderConfig = ReminderConfig.from(config);
        // The audit log keeps a member's rows at erasure: they name the member's id only (see audit's package-info).
        this.audit = new AuditLog(database, clock);
        this.letters = new Letters(database, audiences, LettersConfig.from(config), clock,
                Reminders.content(database, reminderConfig, register::associationNames), audit::record,
                Seams.bankNews(database)); // associations (issue 17): "new in the bank" in the members' and board letters
        this.recipientSource = new AudienceRecipientSource(letters::audienceOf);
        InvalidAddresses invalid = (memberId, email, smtpReply) ->
                register.markAddress(memberId, email, EmailStatus.INVALID, "refused by the receiving server: " + smtpReply);
        this.delivery = new Delivery(database, DeliveryConfig.from(config), keyring,
                Seams.recipientsByKind(letters, Reminders.recipients(database), recipientSource), letters.composer(),
                letters.states(), invalid, clock);
        register.addErasureStep(delivery.erasure());
        this.replies = Seams.replies(database, config, register, letters, delivery, clock);
        register.addErasureStep(new RepliesErasure());
        this.reminders = Reminders.create(database, reminderConfig, register::associationNames, letters, delivery, replies.log(), clock);
        register.addErasureStep(Reminders.erasure());
        register.addErasureStep(letters.erasure());
        this.assembly = new MonthlyAssembly(letters, audiences, delivery, AssemblyConfig.from(config), clock,
                (file, memberId) -> register.files().record(memberId, file));
        delivery.onPausedForError(assembly::letterPaused);
        this.users = new Users(database, UsersConfig.from(config), audit::record, clock, keyring);
        // admin (issue 16)
        this.savedLists = new se.utskick.audience.SavedLists(database, audit::record);
        this.memberSearch = new se.utskick.register.MemberSearch(database);
        this.staffAdmin = new se.utskick.users.StaffAdmin(database, users, audit::record, clock);
        // associations (issue 17): the boards' pages reached from their letters
        this.associations = Seams.associations(database, config, register, letters, delivery, replies, audit, clock);
    }

    /**
     * Checks every setting, then opens the database and wires the graph.
     *
     * @throws ConfigException naming the key of the first wrong value, before any server starts;
     *                         outside the demo ({@link Config#isDemo}) also for the shipped demo
     *                         secret ({@link Keyring#requireProductionSecret}), except in a
     *                         machine-local set-up, which signs with a generated secret ({@link LocalSecret})
     */
    public static Utskick start(Config given) {
        Config config = LocalSecret.apply(given);
        FeatureConfigs.checkAll(config);
        Database db = Database.open(DatabaseConfig.from(config));
        try {
            Utskick app = wire(withEmbeddedMailbox(config), db);
            app.startEmbeddedMail();
            return app;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Wires the graph on an already open database (tests use one embedded server for many graphs). */
    public static Utskick wire(Config config, Database db) {
        return wire(config, db, Clock.systemUTC());
    }

    /** The graph on a given clock: tests move "today" (deadlines, the month) without waiting. */
    public static Utskick wire(Config config, Database db, Clock clock) {
        return wire(config, db, clock, List.of());
    }

    /** The graph, after every named query (the features' and {@code extra}) was prepared on the database. */
    static Utskick wire(Config config, Database db, Clock clock, List<NamedQueries> extra) {
        NamedQueries.prepareAll(db, Stream.concat(namedQueries().stream(), extra.stream()).toList());
        return new Utskick(config, db, clock);
    }

    /**
     * Every feature's named queries ({@code src/main/resources/sql/<feature>.sql}): prepared against
     * the database before the graph is built, so a broken query stops the start with its name.
     * A feature's set is added here.
     */
    static List<NamedQueries> namedQueries() {
        return List.of(Register.queries(), Reminders.queries(), Replies.queries(), Schedule.queries(), AuditLog.QUERIES,
                se.utskick.health.Metrics.QUERIES,
                Delivery.queries(), Users.queries(), Audiences.queries(),
                Letters.queries());
    }

    /**
     * With {@code smtp.host = embedded} and no {@code replies.imap.host}: the reply mailbox is the
     * embedded mail server's ({@code replies@MAIL_DOMAIN} over plain IMAP on
     * {@code smtp.embedded.imap.port}), so the embedded defaults run the whole month, reply polling
     * included. Any other configuration is returned as it is.
     */
    public static Config withEmbeddedMailbox(Config c) {
        return EmbeddedMail.withMailbox(c);
    }

    /**
     * With {@code smtp.host = embedded}: GreenMail on smtp.port, unless something (another Utskick
     * process: a {@code serve} beside this command) already listens there, which is then used.
     */
    private void startEmbeddedMail() {
        embeddedMail = EmbeddedMail.start(delivery.config(), config);
    }

    /** The in-process GreenMail, when {@code smtp.host = embedded} and this process started it. */
    public java.util.Optional<EmbeddedMailServer> embeddedMail() {
        return java.util.Optional.ofNullable(embeddedMail);
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Keyring keyring() {
        return keyring;
    }

    public Register register() {
        return register;
    }

    public Audiences audiences() {
        return audiences;
    }

    /** Letters and events; {@code letters().composer()} and {@code letters().states()} are delivery's LetterComposer and LetterLifecycle. */
    public Letters letters() {
        return letters;
    }

    /** Delivery's RecipientSource: the audience of a letter as one SELECT. */
    public AudienceRecipientSource recipientSource() {
        return recipientSource;
    }

    public Delivery delivery() {
        return delivery;
    }

    /** The reply mailbox, reply log, feedback and unsubscribe. */
    public Replies replies() {
        return replies;
    }

    /** Missing-address and feedback reminders. */
    public Reminders reminders() {
        return reminders;
    }

    /** The monthly assembly, scheduled sends and autosend. */
    public MonthlyAssembly assembly() {
        return assembly;
    }

    /** The audit log: who changed what, and when. */
    public AuditLog audit() {
        return audit;
    }

    /** Saved lists created, changed and deleted from the web's forms, each with its audit row (admin, issue 16). */
    public se.utskick.audience.SavedLists savedLists() {
        return savedLists;
    }

    /** The web's member list: filters and pages with true totals (admin, issue 16). */
    public se.utskick.register.MemberSearch memberSearch() {
        return memberSearch;
    }

    /** Staff administration: roles, password links, second-factor resets and recovery codes (admin, issue 16). */
    public se.utskick.users.StaffAdmin staffAdmin() {
        return staffAdmin;
    }

    /** Staff accounts, sign-in and sessions of the web interface. */
    public Users users() {
        return users;
    }

    /** The associations' pages: links, feedback form, events sent in, outreach, material bank. */
    public se.utskick.associations.Associations associations() {
        return associations;
    }

    /**
     * A scheduler node (Quartz, clustered on the database) with every job of {@link #jobs()}, not
     * started: {@code schedule show/run} read the cluster's triggers and run jobs in this process
     * with it; {@link #startNode} starts one. The caller closes it.
     */
    public Schedule schedule() {
        return Schedule.create(database, ScheduleConfig.from(config), jobs());
    }

    /** Starts this process's running node (web server, sender workers, scheduler) on a new {@link #schedule()}. */
    public Node startNode() {
        return startNode(schedule());
    }

    /** Starts this process's running node on {@code schedule} (the demo's, which already ran this month's jobs). */
    public Node startNode(Schedule schedule) {
        return Node.start(this, schedule);
    }

    /**
     * Every scheduled job of the application, in one list: what {@code serve} hands to the
     * schedule and what {@code schedule show/run} know. A feature's jobs are added here.
     */
    public List<ScheduledJob> jobs() {
        return Stream.of(
                assembly.jobs(),
                register.jobs(),
                delivery.jobs(),
                replies.jobs(),
                reminders.jobs(),
                users.jobs(),
                associations.jobs()
        ).flatMap(List::stream).toList();
    }

    @Override
    public void close() {
        if (embeddedMail != null) {
            embeddedMail.close();
        }
        database.close();
    }
}
