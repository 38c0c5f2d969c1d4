package se.utskick.replies;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The replies feature's named queries ({@code sql/replies.sql}). */
final class ReplySql {
    static final NamedQueries QUERIES = NamedQueries.load("replies", Map.of());
    static final Sql IS_RECORDED = QUERIES.get("replies.is_recorded");
    static final Sql INSERT = QUERIES.get("replies.insert");
    static final Sql LIST = QUERIES.get("replies.list");
    static final Sql PAGE = QUERIES.get("replies.page");
    static final Sql PAGE_COUNT = QUERIES.get("replies.page_count");
    static final Sql INSERT_FORM_ANSWER = QUERIES.get("replies.insert_form_answer");
    static final Sql SHOW = QUERIES.get("replies.show");
    static final Sql BOARD_REPLIES = QUERIES.get("replies.board_replies");
    static final Sql COUNTS = QUERIES.get("replies.counts");
    static final Sql COMPLAINTS_TO_ACT = QUERIES.get("replies.complaints_to_act");
    static final Sql PURGE_RAW = QUERIES.get("replies.purge_raw");
    static final Sql RAW = QUERIES.get("replies.raw");
    static final Sql MARK_HANDLED = QUERIES.get("replies.mark_handled");
    static final Sql ERASE_MEMBER_MESSAGES = QUERIES.get("replies.erase_member_messages");
    static final Sql BOUNCE_SCORE_LOCKED = QUERIES.get("replies.bounce_score_locked");
    static final Sql BOUNCE_SCORE_SET = QUERIES.get("replies.bounce_score_set");
    static final Sql BOUNCE_SCORE_OF = QUERIES.get("replies.bounce_score_of");
    static final Sql BOUNCE_SCORE_FORGET = QUERIES.get("replies.bounce_score_forget");

    private ReplySql() {
    }
}
