package se.utskick.delivery;

/** The state of a letter's send run ({@code send_run.state}): workers claim only from RUNNING runs. */
public enum SendRunState {
    RUNNING, PAUSED, CANCELLED, FINISHED
}
