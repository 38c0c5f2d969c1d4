/**
 * The reply mailbox: the IMAP poller, classification (reply, auto-reply, bounce), correlation with
 * deliveries, the reply log, feedback per association, bounce scoring and one-click unsubscribe.
 */
package se.utskick.replies;
