package se.utskick.delivery;

/**
 * Why a sender paused a letter's run by itself — the cause decides what the ombudsman is told to do
 * (a pause by a person has no kind). Stored in {@code send_run.pause_kind}; the web shows the Swedish
 * sentence of {@code sending.paused.error.KIND} and {@code sending.paused.todo.KIND}.
 */
public enum PauseKind {
    /** The letter cannot be composed (a template error, a letter no longer sendable): fix the letter. */
    COMPOSE,
    /** The relay refused our envelope sender (MAIL FROM): every message would be refused; fix the sender. */
    SENDER_REFUSED
}
