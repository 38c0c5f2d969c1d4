package se.utskick.delivery;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;
import se.utskick.register.AddressRule;

/**
 * The delivery feature's named queries ({@code sql/delivery.sql}). The statements whose text depends
 * on a count or on the audience's query stay built in their classes (listed at the top of the file).
 */
final class DeliverySql {
    static final NamedQueries QUERIES = NamedQueries.load("delivery", Map.of("usable", AddressRule.USABLE));
    static final Sql RUN_INSERT = QUERIES.get("delivery.run_insert");
    static final Sql RUN_RECIPIENTS = QUERIES.get("delivery.run_recipients");
    static final Sql RUNNING_LETTERS = QUERIES.get("delivery.running_letters");
    static final Sql FINISH_IF_DONE = QUERIES.get("delivery.finish_if_done");
    static final Sql RELEASE = QUERIES.get("delivery.release");
    static final Sql RENEW = QUERIES.get("delivery.renew");
    static final Sql RELEASE_WORKER = QUERIES.get("delivery.release_worker");
    static final Sql MOVE_RUN = QUERIES.get("delivery.move_run");
    static final Sql PAUSE_FOR_ERROR = QUERIES.get("delivery.pause_for_error");
    static final Sql CANCEL_RUN = QUERIES.get("delivery.cancel_run");
    static final Sql CANCEL_WAITING = QUERIES.get("delivery.cancel_waiting");
    static final Sql REQUEUE_FAILED = QUERIES.get("delivery.requeue_failed");
    static final Sql RUN_AGAIN = QUERIES.get("delivery.run_again");
    static final Sql RUN_STATE_LOCKED = QUERIES.get("delivery.run_state_locked");
    static final Sql MARK_BOUNCED = QUERIES.get("delivery.mark_bounced");
    static final Sql MARK_BLOCKED = QUERIES.get("delivery.mark_blocked");
    static final Sql ERASE_CANCEL_WAITING = QUERIES.get("delivery.erase_cancel_waiting");
    static final Sql ERASE_MEMBER = QUERIES.get("delivery.erase_member");
    static final Sql RETENTION_SLICE = QUERIES.get("delivery.retention_slice");
    static final Sql GROUP_COUNTS = QUERIES.get("delivery.group_counts");
    static final Sql PACES = QUERIES.get("delivery.paces");
    static final Sql PACE_WRITE = QUERIES.get("delivery.pace_write");
    static final Sql PACE_CLEAR = QUERIES.get("delivery.pace_clear");
    static final Sql RUN = QUERIES.get("delivery.run");
    static final Sql RUN_COUNTS = QUERIES.get("delivery.run_counts");
    static final Sql SENT_TO = QUERIES.get("delivery.sent_to");
    static final Sql PAUSED_FOR_ERROR = QUERIES.get("delivery.paused_for_error");
    static final Sql RUN_STATE = QUERIES.get("delivery.run_state");
    static final Sql PAGE = QUERIES.get("delivery.page");
    static final Sql PAGE_COUNT = QUERIES.get("delivery.page_count");
    static final Sql BY_ID = QUERIES.get("delivery.by_id");
    static final Sql BLOCKED_BY_DOMAIN = QUERIES.get("delivery.blocked_by_domain");
    static final Sql IN_REPLY_TO = QUERIES.get("delivery.in_reply_to");

    private DeliverySql() {
    }
}
