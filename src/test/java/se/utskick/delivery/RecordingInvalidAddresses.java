package se.utskick.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the addresses delivery reports as invalid, as "memberId email". */
final class RecordingInvalidAddresses implements InvalidAddresses {
    final List<String> marked = new CopyOnWriteArrayList<>();

    @Override
    public void markInvalid(long memberId, String email, String smtpReply) {
        marked.add(memberId + " " + email);
    }
}
