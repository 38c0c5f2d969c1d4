package se.utskick.doctor;

/**
 * One line of the doctor's report.
 *
 * @param check the part checked, short and stable ("smtp", "dkim", "dmarc"...)
 * @param found what was found, in words an operator can act on
 * @param fix   what to do, empty when nothing is to be done
 */
public record Finding(Status status, String check, String found, String fix) {

    public static Finding ok(String check, String found) {
        return new Finding(Status.OK, check, found, "");
    }

    public static Finding warn(String check, String found, String fix) {
        return new Finding(Status.WARN, check, found, fix);
    }

    public static Finding fail(String check, String found, String fix) {
        return new Finding(Status.FAIL, check, found, fix);
    }

    /** {@code FAIL dmarc       no DMARC record at _dmarc.x.org. Fix: …} */
    public String line() {
        return String.format("%-4s %-14s %s%s", status, check, found, fix.isEmpty() ? "" : ". Fix: " + fix);
    }
}
