#!/usr/bin/env python3
"""Writes the bounce corpus under src/test/resources/bounces/corpus/ and its expected.tsv.

Every message is written for Utskick from the RFCs (3461-3464, 3463, 5965, 6591) and from public
descriptions of each MTA's report format; none is copied from a real mailbox or a public corpus.
@TOKEN@ is replaced by a delivery token in the tests. Run from the repository root:
    python3 src/test/bounce-corpus/make_corpus.py
"""
import os

OUT = "src/test/resources/bounces/corpus"
DATE = "Sun, 22 Nov 2026 10:16:12 +0100"
OUR = "utskick.example.se"
rows = []


def original(rcpt, full=True):
    h = (f"Return-Path: <bounce+@TOKEN@@{OUR}>\n"
         f"Received: from mail.{OUR} (mail.{OUR} [192.0.2.10])\n\tby mx.example.net; {DATE}\n"
         f"Date: Sun, 22 Nov 2026 10:15:00 +0100\n"
         f"From: Distriktet <utskick@{OUR}>\n"
         f"Reply-To: reply+@TOKEN@@{OUR}\n"
         f"To: {rcpt}\n"
         f"Message-ID: <@TOKEN@@{OUR}>\n"
         f"Subject: Styrelsebrev november\n"
         f"MIME-Version: 1.0\n"
         f"Content-Type: text/plain; charset=UTF-8\n")
    return h + ("\nHej styrelsen! Här kommer novemberbrevet.\n" if full else "")


def dsn(name, mta, verdict, rcpt, *, frm, subject, human, status, diag=None, action="failed", reporting="mx.example.net",
        remote=None, returned="headers", extra_headers="", orig_rcpt=True, final_rcpt=None, per_message_extra=""):
    b = f"=_{mta}_{len(rows)}"
    fr = final_rcpt if final_rcpt is not None else rcpt
    per_rcpt = f"Final-Recipient: rfc822; {fr}\n"
    if orig_rcpt:
        per_rcpt = f"Original-Recipient: rfc822;{rcpt}\n" + per_rcpt
    per_rcpt += f"Action: {action}\nStatus: {status}\n"
    if remote:
        per_rcpt += f"Remote-MTA: dns; {remote}\n"
    if diag:
        per_rcpt += f"Diagnostic-Code: {diag}\n"
    if action == "delayed":
        per_rcpt += "Will-Retry-Until: Wed, 25 Nov 2026 10:15:00 +0100\n"
    if returned == "headers":
        third = f"--{b}\nContent-Type: text/rfc822-headers\n\n{original(rcpt, False)}\n"
    elif returned == "message":
        third = f"--{b}\nContent-Type: message/rfc822\n\n{original(rcpt)}\n"
    else:
        third = ""
    msg = (f"Return-Path: <>\nDelivered-To: bounce+@TOKEN@@{OUR}\nFrom: {frm}\nTo: bounce+@TOKEN@@{OUR}\n"
           f"Subject: {subject}\nDate: {DATE}\nMessage-ID: <{mta}-{len(rows)}@{reporting}>\n{extra_headers}"
           f"MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"{b}\"\n\n"
           f"This is a MIME-encapsulated message.\n\n"
           f"--{b}\nContent-Type: text/plain; charset=utf-8\nContent-Description: Notification\n\n{human}\n\n"
           f"--{b}\nContent-Type: message/delivery-status\nContent-Description: Delivery report\n\n"
           f"Reporting-MTA: dns; {reporting}\nArrival-Date: Sun, 22 Nov 2026 10:15:01 +0100\n{per_message_extra}\n{per_rcpt}\n"
           f"{third}--{b}--\n")
    write(name, mta, verdict, rcpt, msg)


def text_report(name, mta, verdict, rcpt, *, frm, subject, body, extra_headers="", returned=True):
    msg = (f"Return-Path: <>\nDelivered-To: bounce+@TOKEN@@{OUR}\nFrom: {frm}\nTo: bounce+@TOKEN@@{OUR}\n"
           f"Subject: {subject}\nDate: {DATE}\nMessage-ID: <{mta}-{len(rows)}@mx.example.net>\n{extra_headers}"
           f"MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n{body}\n")
    if returned:
        msg += "\n" + original(rcpt) + "\n"
    write(name, mta, verdict, rcpt, msg)


def write(name, mta, verdict, rcpt, msg):
    fname = f"{mta}-{name}.eml"
    with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
        f.write(msg)
    rows.append((fname, mta, verdict, rcpt or "-"))


POSTFIX_HUMAN = ("This is the mail system at host mx.example.net.\n\nI'm sorry to have to inform you that your message could not\n"
                 "be delivered to one or more recipients. It's attached below.\n\nFor further assistance, please send mail to postmaster.\n\n"
                 "If you do so, please include this problem report. You can\ndelete your own text from the attached returned message.\n\n"
                 "                   The mail system\n\n")
PF = "MAILER-DAEMON@mx.example.net (Mail Delivery System)"
PFS = "Undelivered Mail Returned to Sender"


def postfix(name, verdict, rcpt, status, said, cmd="RCPT TO", action="failed", subject=PFS, remote="mx1.example.org"):
    human = POSTFIX_HUMAN + f"<{rcpt}>: host {remote}[203.0.113.25] said: {said} (in reply to {cmd} command)"
    if remote is None:
        human = POSTFIX_HUMAN + f"<{rcpt}>: {said}"
    dsn(name, "postfix", verdict, rcpt, frm=PF, subject=subject, human=human, status=status,
        diag=(f"smtp; {said}" if remote else f"X-Postfix; {said}"), action=action, remote=remote,
        extra_headers="Auto-Submitted: auto-replied\n", per_message_extra="X-Postfix-Queue-ID: 4F1A22C0D1\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))

    # ---- Postfix (RFC 3464 report; its Notification part names host and command)
    postfix("user-unknown-virtual", "HARD_BOUNCE", "anna.andersson@example.com", "5.1.1",
            "550 5.1.1 <anna.andersson@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
    postfix("user-unknown-local", "HARD_BOUNCE", "bo.bergman@example.org", "5.1.1",
            "550 5.1.1 <bo.bergman@example.org>: Recipient address rejected: User unknown in local recipient table")
    postfix("mailbox-full-5.2.2", "SOFT_BOUNCE", "cilla.cederholm@example.net", "5.2.2",
            "552 5.2.2 <cilla.cederholm@example.net>: Mailbox full", cmd="RCPT TO")
    postfix("delayed-4.4.1", "DELAYED", "dan.dahlberg@example.com", "4.4.1",
            "connect to mx.example.com[198.51.100.3]:25: Connection timed out", action="delayed",
            subject="Delayed Mail (still being retried)", remote=None)
    postfix("spamhaus-5.7.1", "BLOCKED", "eva.ek@example.org", "5.7.1",
            "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10")
    postfix("no-such-domain-5.4.4", "HARD_BOUNCE", "filip.falk@exampel-stavfel.se", "5.4.4",
            "Host or domain name not found. Name service error for name=exampel-stavfel.se type=AAAA: Host not found", remote=None)
    postfix("spf-fail-5.7.1", "BLOCKED", "gun.gran@example.com", "5.7.1",
            "550 5.7.1 <gun.gran@example.com>: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=bounce@utskick.example.se",
            cmd="end of DATA")
    postfix("unrouteable-5.0.0", "HARD_BOUNCE", "hans.holm@example.net", "5.0.0",
            "550 Unrouteable address")
    postfix("null-mx-5.1.10", "HARD_BOUNCE", "ida.isaksson@nomail.example.com", "5.1.10",
            "Domain nomail.example.com does not accept mail (nullMX)", remote=None)
    postfix("too-large-5.3.4", "SOFT_BOUNCE", "jan.johansson@example.org", "5.3.4",
            "552 5.3.4 Message size exceeds fixed limit", cmd="end of DATA")
    postfix("sender-domain-5.1.8", "BLOCKED", "karin.kvist@example.com", "5.1.8",
            "553 5.1.8 <bounce+@TOKEN@@utskick.example.se>: Sender address rejected: Domain not found", cmd="RCPT TO")
    postfix("greylist-expired-4.7.1", "BLOCKED", "lars.lind@example.net", "4.7.1",
            "450 4.7.1 <lars.lind@example.net>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/example.net.html")
    postfix("recipient-access-denied-5.7.1", "BLOCKED", "maja.mattsson@example.org", "5.7.1",
            "554 5.7.1 <maja.mattsson@example.org>: Recipient address rejected: Access denied")
    postfix("misused-5.1.1-blocklist", "BLOCKED", "nils.nord@example.com", "5.1.1",
            "550 5.1.1 Message rejected: your IP 192.0.2.10 is listed on a blocklist")

    # ---- Exim (plain text; X-Failed-Recipients; the failing command and answer indented)
    EXIM_HEAD = ("This message was created automatically by mail delivery software.\n\n"
                 "A message that you sent could not be delivered to one or more of its\n"
                 "recipients. This is a permanent error. The following address(es) failed:\n\n")
    EXIM_TAIL = "\n\n------ This is a copy of the message, including all the headers. ------\n"
    EF = "Mail Delivery System <Mailer-Daemon@mx.example.net>"
    ES = "Mail delivery failed: returning message to sender"

    def exim(name, verdict, rcpt, detail, subject=ES, head=EXIM_HEAD, failed_header=True):
        text_report(name, "exim", verdict, rcpt, frm=EF, subject=subject, body=head + f"  {rcpt}\n{detail}" + EXIM_TAIL,
                    extra_headers=(f"X-Failed-Recipients: {rcpt}\n" if failed_header else "") + "Auto-Submitted: auto-replied\n")

    exim("user-unknown-5.1.1", "HARD_BOUNCE", "olle.olsson@example.net",
         "    host mx1.example.net [198.51.100.7]\n    SMTP error from remote mail server after RCPT TO:<olle.olsson@example.net>:\n"
         "    550 5.1.1 <olle.olsson@example.net>: Recipient address rejected: User unknown in local recipient table")
    exim("old-unknown-user", "HARD_BOUNCE", "per.persson@example.org",
         "    SMTP error from remote mail server after RCPT TO:<per.persson@example.org>:\n"
         "    host mx.example.org [198.51.100.8]: 550 Unknown user", failed_header=False)
    exim("old-sendmail-style-user-unknown", "HARD_BOUNCE", "rut.rydberg@example.com",
         "    SMTP error from remote mailer after RCPT TO:<rut.rydberg@example.com>:\n"
         "    host mail.example.com [198.51.100.9]: 550 <rut.rydberg@example.com>... User unknown")
    exim("unrouteable", "HARD_BOUNCE", "sven.strom@example.invalid", "    Unrouteable address")
    exim("spamhaus-5.7.1", "BLOCKED", "tova.thorn@example.net",
         "    host mx.example.net [198.51.100.10]\n    SMTP error from remote mail server after RCPT TO:<tova.thorn@example.net>:\n"
         "    550 5.7.1 Rejected because 192.0.2.10 is in a black list at zen.spamhaus.org")
    exim("mailbox-full-5.2.2", "SOFT_BOUNCE", "ulf.ulriksson@example.com",
         "    host mx.example.com [198.51.100.11]\n    SMTP error from remote mail server after RCPT TO:<ulf.ulriksson@example.com>:\n"
         "    552 5.2.2 Mailbox full: quota exceeded")
    exim("local-quota", "SOFT_BOUNCE", "vera.vall@example.org",
         "    mailbox is full: retry timeout exceeded")
    exim("dmarc-5.7.26", "BLOCKED", "william.wik@gmail.example",
         "    host gmail-smtp-in.l.google.example [198.51.100.12]\n    SMTP error from remote mail server after end of data:\n"
         "    550-5.7.26 Unauthenticated email from utskick.example.se is not accepted due to\n"
         "    550-5.7.26 domain's DMARC policy. Please contact the administrator of\n"
         "    550 5.7.26 utskick.example.se domain if this was a legitimate mail.")
    exim("mx-nonexistent-hosts", "SOFT_BOUNCE", "yngve.ystrom@example.com",
         "    all relevant MX records point to non-existent hosts")
    exim("delayed-warning", "DELAYED", "zara.zetterberg@example.net",
         "    host mx.example.net [198.51.100.13]: 451 4.3.0 Temporary lookup failure",
         subject="Warning: message 1tA2b3-000Abc-1x delayed 24 hours",
         head=("This message was created automatically by mail delivery software.\n"
               "A message that you sent has not yet been delivered to one or more of its\n"
               "recipients after more than 24 hours on the queue on mx.example.net.\n\n"
               "The following address(es) have not yet been delivered:\n\n"), failed_header=False)
    exim("old-no-mailbox", "HARD_BOUNCE", "agnes.alm@example.org",
         "    SMTP error from remote mailer after RCPT TO:<agnes.alm@example.org>:\n"
         "    host mx.example.org [198.51.100.14]: 550 No such user here", failed_header=False)

    # ---- Sendmail (RFC 3464 report; the Notification part gives the transcript)
    SF = "Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>"
    SS = "Returned mail: see transcript for details"

    def sendmail(name, verdict, rcpt, status, answer, action="failed", subject=SS, reason=None):
        human = ("The original message was received at Sun, 22 Nov 2026 10:15:01 +0100\nfrom mail.utskick.example.se [192.0.2.10]\n\n"
                 f"   ----- The following addresses had permanent fatal errors -----\n<{rcpt}>\n"
                 f"    (reason: {reason or answer})\n\n   ----- Transcript of session follows -----\n"
                 f"... while talking to mx.example.com.:\n>>> RCPT To:<{rcpt}>\n<<< {answer}\n")
        dsn(name, "sendmail", verdict, rcpt, frm=SF, subject=subject, human=human, status=status,
            diag=f"SMTP; {answer}", action=action, reporting="mail.example.com", remote="mx.example.com", returned="message")

    sendmail("user-unknown-5.1.1", "HARD_BOUNCE", "bertil.blom@example.com", "5.1.1", "550 5.1.1 <bertil.blom@example.com>... User unknown")
    sendmail("over-quota-5.2.2", "SOFT_BOUNCE", "carin.carlsson@example.com", "5.2.2", "552 5.2.2 <carin.carlsson@example.com>... Mailbox full")
    sendmail("relaying-denied-5.7.1", "BLOCKED", "david.dalin@example.com", "5.7.1", "550 5.7.1 <david.dalin@example.com>... Relaying denied")
    sendmail("delayed-4.4.7", "DELAYED", "elin.engstrom@example.com", "4.4.7", "451 4.4.7 Deferred: Connection timed out", action="delayed",
             subject="Warning: could not send message for past 4 hours")
    dsn("host-unknown-5.1.2", "sendmail", "HARD_BOUNCE", "fredrik.fors@nosuchhost.example", frm=SF, subject="Returned mail: see transcript for details",
        human=("   ----- The following addresses had permanent fatal errors -----\n<fredrik.fors@nosuchhost.example>\n"
               "    (reason: 550 Host unknown)\n\n   ----- Transcript of session follows -----\n"
               "550 5.1.2 <fredrik.fors@nosuchhost.example>... Host unknown (Name server: nosuchhost.example: host not found)\n"),
        status="5.1.2", diag=None, reporting="mail.example.com", returned="message")

    # ---- qmail (plain text, one paragraph per address, the code as (#x.y.z))
    QF = "MAILER-DAEMON@mx.example.se"
    QS = "failure notice"
    QH = ("Hi. This is the qmail-send program at mx.example.se.\nI'm afraid I wasn't able to deliver your message to the following addresses.\n"
          "This is a permanent error; I've given up. Sorry it didn't work out.\n\n")
    QT = "\n\n--- Below this line is a copy of the message.\n"

    def qmail(name, verdict, rcpt, para):
        text_report(name, "qmail", verdict, rcpt, frm=QF, subject=QS, body=QH + f"<{rcpt}>:\n{para}" + QT)

    qmail("no-mailbox-5.1.1", "HARD_BOUNCE", "greta.gustavsson@example.se", "Sorry, no mailbox here by that name. (#5.1.1)")
    qmail("remote-user-unknown", "HARD_BOUNCE", "harald.hedlund@example.com",
          "198.51.100.5 does not like recipient.\nRemote host said: 550 5.1.1 <harald.hedlund@example.com>... User unknown\nGiving up on 198.51.100.5.")
    qmail("over-quota-5.2.2", "SOFT_BOUNCE", "ingrid.isberg@example.se",
          "The users mailfolder is over the allowed quota (size). (#5.2.2)")
    qmail("envelope-sender-denied", "BLOCKED", "johan.jonsson@example.net",
          "198.51.100.6 does not like recipient.\nRemote host said: 553 sorry, your envelope sender has been denied (#5.7.1)\nGiving up on 198.51.100.6.")
    qmail("no-host-5.1.2", "HARD_BOUNCE", "klara.kron@nosuchhost.example",
          "Sorry, I couldn't find any host named nosuchhost.example. (#5.1.2)")

    # ---- Exchange Online / Office 365 (RFC 3464 report; the Notification part is long HTML-ish text)
    OF = "Microsoft Outlook <postmaster@contoso.example>"
    OS = "Undeliverable: Styrelsebrev november"

    def o365(name, verdict, rcpt, status, answer, action="failed", subject=OS, human=None):
        human = human or (f"Your message to {rcpt} couldn't be delivered.\n\nDiagnostic information for administrators:\n\n"
                          f"Generating server: AM0PR01MB1234.eurprd01.prod.exchangelabs.example\n\n{rcpt}\n"
                          f"Remote server returned '{answer}'\n")
        dsn(name, "office365", verdict, rcpt, frm=OF, subject=subject, human=human, status=status,
            diag=f"smtp;{answer}", action=action, reporting="AM0PR01MB1234.eurprd01.prod.exchangelabs.example", returned="headers",
            extra_headers="X-MS-Exchange-Message-Is-Ndr:\nAuto-Submitted: auto-replied\n")

    o365("recipient-not-found-5.1.10", "HARD_BOUNCE", "lena.lund@contoso.example", "5.1.10",
         "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient lena.lund@contoso.example not found by SMTP address lookup")
    o365("banned-ip-5.7.606", "BLOCKED", "mats.mark@contoso.example", "5.7.606",
         "550 5.7.606 Access denied, banned sending IP [192.0.2.10]. To request removal from this list please visit https://sender.office.com/")
    o365("spamhaus-5.7.1", "BLOCKED", "nora.nyberg@contoso.example", "5.7.1",
         "550 5.7.1 Service unavailable, Client host [192.0.2.10] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/lookup.lasso")
    o365("quota-5.2.2", "SOFT_BOUNCE", "oskar.ohlin@contoso.example", "5.2.2",
         "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded")
    o365("dbeb-5.4.1", "SOFT_BOUNCE", "pia.palm@contoso.example", "5.4.1",
         "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR01FT012.eop-EUR01.prod.protection.outlook.example]")
    o365("dmarc-5.7.509", "BLOCKED", "rolf.ros@contoso.example", "5.7.509",
         "550 5.7.509 Access denied, sending domain utskick.example.se does not pass DMARC verification and has a DMARC policy of reject.")
    o365("auth-level-5.7.515", "BLOCKED", "saga.sand@outlook.example", "5.7.515",
         "550 5.7.515 Access denied, sending domain utskick.example.se doesn't meet the required authentication level. The sender's domain in the 5322.From address doesn't meet the authentication requirements defined for the sender.")
    o365("bad-sender-5.1.8", "BLOCKED", "tore.tell@contoso.example", "5.1.8",
         "550 5.1.8 Access denied, bad outbound sender AS(42004)")
    o365("delayed-4.4.7", "DELAYED", "ulla.ulf@contoso.example", "4.4.7",
         "451 4.4.7 Message delayed", action="delayed", subject="Delivery delayed:Styrelsebrev november")
    o365("swedish-5.1.10", "HARD_BOUNCE", "vide.vall@contoso.example", "5.1.10",
         "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
         subject="=?utf-8?Q?Det_gick_inte_att_leverera:_Styrelsebrev_november?=",
         human="Det gick inte att leverera ditt meddelande till vide.vall@contoso.example.\n\nMottagaren hittades inte.\n")

    # ---- Older Exchange (2003/2007/2010)
    XF = "System Administrator <postmaster@exchange.example.org>"
    dsn("2003-generic-status-specific-diagnostic", "exchange", "HARD_BOUNCE", "axel.ahl@exchange.example.org", frm=XF,
        subject="Undeliverable: Styrelsebrev november",
        human=("Your message did not reach some or all of the intended recipients.\n\n      Subject:\tStyrelsebrev november\n"
               "      Sent:\t22/11/2026 10:15\n\nThe following recipient(s) could not be reached:\n\n"
               "      axel.ahl@exchange.example.org on 22/11/2026 10:16\n"
               "            The e-mail account does not exist at the organization this message was sent to.\n"
               "            <mx.exchange.example.org #5.0.0 smtp;550 5.1.1 <axel.ahl@exchange.example.org>... User unknown>\n"),
        status="5.0.0", diag="smtp;550 5.1.1 <axel.ahl@exchange.example.org>... User unknown", reporting="mx.exchange.example.org")
    text_report("2003-text-only-5.1.1", "exchange", "HARD_BOUNCE", "beata.berg@exchange.example.org", frm=XF,
                subject="Undeliverable: Styrelsebrev november",
                body=("Your message did not reach some or all of the intended recipients.\n\n      Subject:\tStyrelsebrev november\n"
                      "      Sent:\t22/11/2026 10:15\n\nThe following recipient(s) could not be reached:\n\n"
                      "      beata.berg@exchange.example.org on 22/11/2026 10:16\n"
                      "            The e-mail account does not exist at the organization this message was sent to.  Check the e-mail address, or contact the recipient directly to find out the correct address.\n"
                      "            <mx.exchange.example.org #5.1.1>\n\n----- Original message -----\n"), returned=True)
    dsn("2007-recipnotfound", "exchange", "HARD_BOUNCE", "caspar.cron@exchange.example.org", frm=XF, subject="Undeliverable: Styrelsebrev november",
        human=("Delivery has failed to these recipients or distribution lists:\n\ncaspar.cron@exchange.example.org\n"
               "The recipient's e-mail address was not found in the recipient's e-mail system.\n\n"
               "Diagnostic information for administrators:\n\nGenerating server: ex01.exchange.example.org\n\n"
               "caspar.cron@exchange.example.org\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n"),
        status="5.1.1", diag="smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", reporting="ex01.exchange.example.org")
    dsn("2010-storedrv-full", "exchange", "SOFT_BOUNCE", "doris.dahl@exchange.example.org", frm=XF, subject="Undeliverable: Styrelsebrev november",
        human=("Delivery has failed to these recipients or groups:\n\ndoris.dahl@exchange.example.org\n"
               "The recipient's mailbox is full and can't accept messages now.\n\n"
               "#550 5.2.2 STOREDRV.Deliver: mailbox full ##\n"),
        status="5.2.2", diag="smtp;550 5.2.2 STOREDRV.Deliver: mailbox full", reporting="ex01.exchange.example.org")
    text_report("2003-mailbox-unavailable", "exchange", "SOFT_BOUNCE", "emil.ek@exchange.example.org", frm=XF,
                subject="Undeliverable: Styrelsebrev november",
                body=("Your message did not reach some or all of the intended recipients.\n\n"
                      "The following recipient(s) could not be reached:\n\n      emil.ek@exchange.example.org on 22/11/2026 10:16\n"
                      "            There was a SMTP communication problem with the recipient's email server.  Please contact your system administrator.\n"
                      "            <mx.exchange.example.org #5.5.0 smtp;550 Requested action not taken: mailbox unavailable>\n"))

    # ---- Gmail (RFC 3464 report from mailer-daemon@googlemail.com)
    GF = "Mail Delivery Subsystem <mailer-daemon@googlemail.com>"
    GS = "Delivery Status Notification (Failure)"

    def gmail(name, verdict, rcpt, status, answer, action="failed", subject=GS, human=None):
        human = human or (f"** Address not found **\n\nYour message wasn't delivered to {rcpt}.\n\n"
                          f"The response from the remote server was:\n{answer}\n")
        dsn(name, "gmail", verdict, rcpt, frm=GF, subject=subject, human=human, status=status,
            diag=f"smtp; {answer}", action=action, reporting="googlemail.com", remote="gmail-smtp-in.l.google.example",
            extra_headers="Auto-Submitted: auto-replied\n", orig_rcpt=False)

    gmail("no-such-user-5.1.1", "HARD_BOUNCE", "fia.fors.example@gmail.example", "5.1.1",
          "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser")
    gmail("dmarc-5.7.26", "BLOCKED", "gustav.gren.example@gmail.example", "5.7.26",
          "550 5.7.26 Unauthenticated email from utskick.example.se is not accepted due to domain's DMARC policy. Please contact the administrator of utskick.example.se domain if this was a legitimate mail.",
          human="** Message blocked **\n\nYour message to gustav.gren.example@gmail.example has been blocked.\n")
    gmail("disabled-5.2.1", "HARD_BOUNCE", "hedda.hall.example@gmail.example", "5.2.1",
          "550 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser")
    gmail("over-quota-5.2.2", "SOFT_BOUNCE", "isak.ivarsson.example@gmail.example", "5.2.2",
          "552 5.2.2 The email account that you tried to reach is over quota. https://support.google.com/mail/?p=OverQuotaPerm")
    gmail("unsolicited-5.7.1", "BLOCKED", "julia.jern.example@gmail.example", "5.7.1",
          "550 5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.")
    gmail("rate-4.7.28-gave-up", "BLOCKED", "kalle.kull.example@gmail.example", "4.7.28",
          "421 4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.")
    gmail("ptr-5.7.25", "BLOCKED", "linnea.lo.example@gmail.example", "5.7.25",
          "550 5.7.25 The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP.")
    gmail("delayed-4.2.1", "DELAYED", "max.mo.example@gmail.example", "4.2.1",
          "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
          action="delayed", subject="Delivery Status Notification (Delay)")

    # ---- Yahoo (plain text "Failure Notice" for old answers; RFC 3464 for new)
    YF = "MAILER-DAEMON@yahoo.example"
    YS = "Failure Notice"
    YH = "Sorry, we were unable to deliver your message to the following address.\n\n"
    YT = "\n\n--- Below this line is a copy of the message.\n"
    text_report("no-account-dd", "yahoo", "HARD_BOUNCE", "nina.nilsson@yahoo.example", frm=YF, subject=YS,
                body=YH + "<nina.nilsson@yahoo.example>:\n554: delivery error: dd This user doesn't have a yahoo.example account (nina.nilsson@yahoo.example) [0] - mta1234.mail.gq1.yahoo.example" + YT)
    text_report("mailbox-disabled-554.30", "yahoo", "HARD_BOUNCE", "otto.ohrn@yahoo.example", frm=YF, subject=YS,
                body=YH + "<otto.ohrn@yahoo.example>:\n554: delivery error: dd Sorry your message to otto.ohrn@yahoo.example cannot be delivered. This mailbox is disabled (554.30). - mta1235.mail.gq1.yahoo.example" + YT)
    text_report("mailbox-not-found-552", "yahoo", "HARD_BOUNCE", "petra.pil@yahoo.example", frm=YF, subject=YS,
                body=YH + "<petra.pil@yahoo.example>:\nRemote host said: 552 1 Requested mail action aborted, mailbox not found [RCPT_TO]" + YT)
    dsn("policy-5.7.9", "yahoo", "BLOCKED", "quintus.qvist@yahoo.example", frm=YF, subject="Delivery Status Notification (Failure)",
        human=YH + "<quintus.qvist@yahoo.example>:\n554 5.7.9 Message not accepted for policy reasons.\n",
        status="5.7.9", diag="smtp; 554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes",
        reporting="mta1236.mail.gq1.yahoo.example")
    dsn("tss04-gave-up", "yahoo", "BLOCKED", "rebecka.rask@yahoo.example", frm=YF, subject="Delivery Status Notification (Failure)",
        human=YH + "<rebecka.rask@yahoo.example>: deferred too long\n",
        status="4.7.0", diag="smtp; 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
        reporting="mail.utskick.example.se")

    # ---- Amazon SES: its RFC 3464 report, and its notifications forwarded as mail (SNS e-mail)
    SF_ = "MAILER-DAEMON@amazonses.example"
    SESH = "An error occurred while trying to deliver the mail to the following recipients:\n"
    dsn("dsn-5.1.1", "ses", "HARD_BOUNCE", "sara.sjo@example.com", frm=SF_, subject="Delivery Status Notification (Failure)",
        human=SESH + "sara.sjo@example.com\n", status="5.1.1", diag="smtp; 550 5.1.1 user unknown",
        reporting="a1-23.smtp-out.eu-north-1.amazonses.example", remote="mx.example.com", orig_rcpt=False)
    dsn("dsn-dmarc-5.7.1", "ses", "BLOCKED", "tage.torn@example.org", frm=SF_, subject="Delivery Status Notification (Failure)",
        human=SESH + "tage.torn@example.org\n", status="5.7.1", diag="smtp; 550 5.7.1 Email rejected per DMARC policy for utskick.example.se",
        reporting="a1-24.smtp-out.eu-north-1.amazonses.example", remote="mx.example.org", orig_rcpt=False)

    def ses_json(name, verdict, rcpt, body):
        text_report(name, "ses", verdict, rcpt, frm="AWS Notifications <no-reply@sns.amazonaws.example>", subject="AWS Notification Message",
                    body=body + "\n\n--\nIf you wish to stop receiving notifications from this topic, please click or visit the link below to unsubscribe.\n",
                    returned=False)

    def ses_mail(rcpt):
        return ('"mail":{"timestamp":"2026-11-22T09:15:00.000Z","source":"bounce+@TOKEN@@utskick.example.se",'
                '"messageId":"0100018f-ses-0000","destination":["' + rcpt + '"],"headersTruncated":false,'
                '"headers":[{"name":"From","value":"utskick@utskick.example.se"},{"name":"To","value":"' + rcpt + '"},'
                '{"name":"Message-ID","value":"<@TOKEN@@utskick.example.se>"},{"name":"Subject","value":"Styrelsebrev november"}],'
                '"commonHeaders":{"from":["utskick@utskick.example.se"],"to":["' + rcpt + '"],"messageId":"<@TOKEN@@utskick.example.se>","subject":"Styrelsebrev november"}}')

    ses_json("sns-permanent-general", "HARD_BOUNCE", "ulrika.ulv@example.net",
             '{"notificationType":"Bounce","bounce":{"feedbackId":"0100018f-fb-0001","bounceType":"Permanent","bounceSubType":"General",'
             '"bouncedRecipients":[{"emailAddress":"ulrika.ulv@example.net","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],'
             '"timestamp":"2026-11-22T09:16:00.000Z","remoteMtaIp":"198.51.100.20","reportingMTA":"dsn; a1-25.smtp-out.eu-north-1.amazonses.example"},'
             + ses_mail("ulrika.ulv@example.net") + '}')
    ses_json("sns-transient-mailboxfull", "SOFT_BOUNCE", "valter.ved@example.net",
             '{"notificationType":"Bounce","bounce":{"feedbackId":"0100018f-fb-0002","bounceType":"Transient","bounceSubType":"MailboxFull",'
             '"bouncedRecipients":[{"emailAddress":"valter.ved@example.net","action":"failed","status":"5.2.2","diagnosticCode":"smtp; 552 5.2.2 Mailbox full"}],'
             '"timestamp":"2026-11-22T09:16:00.000Z"},' + ses_mail("valter.ved@example.net") + '}')
    ses_json("sns-permanent-blocked", "BLOCKED", "wilma.wall@example.net",
             '{"notificationType":"Bounce","bounce":{"feedbackId":"0100018f-fb-0003","bounceType":"Permanent","bounceSubType":"General",'
             '"bouncedRecipients":[{"emailAddress":"wilma.wall@example.net","action":"failed","status":"5.7.1","diagnosticCode":"smtp; 554 5.7.1 Message blocked due to poor sender reputation"}],'
             '"timestamp":"2026-11-22T09:16:00.000Z"},' + ses_mail("wilma.wall@example.net") + '}')
    ses_json("sns-complaint", "COMPLAINT", "-",
             '{"notificationType":"Complaint","complaint":{"feedbackId":"0100018f-fb-0004","complaintSubType":null,'
             '"complainedRecipients":[{"emailAddress":"xena.xvist@example.net"}],"timestamp":"2026-11-22T10:00:00.000Z",'
             '"userAgent":"ExampleFBL/1.0","complaintFeedbackType":"abuse"},' + ses_mail("xena.xvist@example.net") + '}')

    # ---- Courier (RFC 3464 report)
    CF = "Courier mail server at mx.courier.example <@>"
    CH = ("This is a delivery status notification from mx.courier.example,\nrunning the Courier mail server, version 1.1.\n\n"
          "The original message was received on Sun, 22 Nov 2026 10:15:01 +0100\nfrom mail.utskick.example.se [192.0.2.10]\n\n")
    dsn("user-unknown", "courier", "HARD_BOUNCE", "yvonne.yr@courier.example", frm="MAILER-DAEMON@mx.courier.example",
        subject="NOTICE: mail delivery status.",
        human=CH + "<yvonne.yr@courier.example>: 550 User unknown\n", status="5.0.0", diag="smtp; 550 User unknown",
        reporting="mx.courier.example", remote="mail.courier.example", returned="message")
    dsn("specific-5.1.1", "courier", "HARD_BOUNCE", "zacke.zorn@courier.example", frm="MAILER-DAEMON@mx.courier.example",
        subject="NOTICE: mail delivery status.",
        human=CH + "<zacke.zorn@courier.example>:\n<<< 550 5.1.1 <zacke.zorn@courier.example>... No such user\n",
        status="5.0.0", diag="smtp; 550 5.1.1 <zacke.zorn@courier.example>... No such user", reporting="mx.courier.example",
        remote="mail.courier.example", returned="message")
    dsn("delayed", "courier", "DELAYED", "alva.arvidsson@courier.example", frm="MAILER-DAEMON@mx.courier.example",
        subject="WARNING: delayed mail.", human=CH + "Delivery to <alva.arvidsson@courier.example> is delayed.\n",
        status="4.0.0", diag="smtp; 451 Temporary failure, please try again later", action="delayed", reporting="mx.courier.example")
    dsn("rbl", "courier", "BLOCKED", "bror.berg@courier.example", frm="MAILER-DAEMON@mx.courier.example",
        subject="NOTICE: mail delivery status.", human=CH + "<bror.berg@courier.example>: 511 Access denied - Invalid HELO name\n",
        status="5.0.0", diag="smtp; 511 Access denied - Invalid HELO name (See RFC2821 4.1.1.1)", reporting="mx.courier.example",
        remote="mail.courier.example")

    # ---- Others that each stand for a kind of answer
    text_report("administrative-prohibition", "other", "BLOCKED", "cecilia.cord@example.com", frm=EF, subject=ES,
                body=EXIM_HEAD + "  cecilia.cord@example.com\n    SMTP error from remote mail server after RCPT TO:<cecilia.cord@example.com>:\n"
                     "    host mx.example.com [198.51.100.30]: 550 Administrative prohibition" + EXIM_TAIL,
                extra_headers="X-Failed-Recipients: cecilia.cord@example.com\n")
    text_report("unclear-550", "other", "SOFT_BOUNCE", "dennis.dal@example.com", frm=EF, subject=ES,
                body=EXIM_HEAD + "  dennis.dal@example.com\n    SMTP error from remote mail server after RCPT TO:<dennis.dal@example.com>:\n"
                     "    host mx.example.com [198.51.100.31]: 550 Rejected" + EXIM_TAIL,
                extra_headers="X-Failed-Recipients: dennis.dal@example.com\n")
    dsn("mimecast-5.7.1-envelope", "other", "BLOCKED", "ebba.eld@example.org", frm="Mail Delivery System <MAILER-DAEMON@mx.example.net>",
        subject=PFS, human=POSTFIX_HUMAN + "<ebba.eld@example.org>: host eu-smtp-inbound-1.mimecast.example said: 550 Envelope blocked - User Entry (in reply to RCPT TO command)",
        status="5.0.0", diag="smtp; 550 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550", remote="eu-smtp-inbound-1.mimecast.example")
    dsn("virus-content-5.7.0", "other", "BLOCKED", "folke.frid@example.org", frm=PF, subject=PFS,
        human=POSTFIX_HUMAN + "<folke.frid@example.org>: host mx.example.org said: 554 5.7.0 Reject, id=12345 - spam detected",
        status="5.7.0", diag="smtp; 554 5.7.0 Reject, id=12345 - spam detected", remote="mx.example.org")
    dsn("account-disabled-text", "other", "HARD_BOUNCE", "gerda.gran@example.org", frm=PF, subject=PFS,
        human=POSTFIX_HUMAN + "<gerda.gran@example.org>: host mx.example.org said: 550 5.0.0 Account has been disabled",
        status="5.0.0", diag="smtp; 550 5.0.0 <gerda.gran@example.org> Account has been disabled", remote="mx.example.org")

    # ---- Complaints: ARF (RFC 5965) as Yahoo, AOL and others send it, and Microsoft's JMRP
    def arf(name, mta, fbtype, ua, third, extra=""):
        b = f"=_arf_{len(rows)}"
        msg = (f"From: {ua} Feedback Loop <feedbackloop@fbl.example>\nTo: fbl@{OUR}\nSubject: FW: Styrelsebrev november\n"
               f"Date: {DATE}\nMessage-ID: <arf-{len(rows)}@fbl.example>\nMIME-Version: 1.0\n"
               f"Content-Type: multipart/report; report-type=feedback-report;\n\tboundary=\"{b}\"\n\n"
               f"--{b}\nContent-Type: text/plain; charset=\"US-ASCII\"\n\nThis is an email abuse report for an email message received from IP 192.0.2.10 on {DATE}.\n"
               f"For more information about this format please see http://www.mipassoc.org/arf/.\n\n"
               f"--{b}\nContent-Type: message/feedback-report\n\nFeedback-Type: {fbtype}\nUser-Agent: {ua}/1.0\nVersion: 1\n"
               f"Original-Mail-From: <bounce+@TOKEN@@{OUR}>\nArrival-Date: {DATE}\nSource-IP: 192.0.2.10\nReported-Domain: {OUR}\n{extra}\n"
               f"--{b}\n{third}\n--{b}--\n")
        write(name, mta, "COMPLAINT", None, msg)

    arf("abuse-full-message", "arf", "abuse", "Yahoo!-Mail-Feedback", "Content-Type: message/rfc822\nContent-Disposition: inline\n\n" + original("redacted@yahoo.example"))
    arf("abuse-headers-only", "arf", "abuse", "AOL SComp", "Content-Type: text/rfc822-headers\n\n" + original("redacted@aol.example", False),
        extra="Removal-Recipient: redacted@aol.example\n")
    arf("fraud", "arf", "fraud", "ExampleISP-FBL", "Content-Type: message/rfc822\n\n" + original("hilda.hed@isp.example"))
    arf("reply-like-subject", "arf", "abuse", "Comcast-FBL", "Content-Type: message/rfc822\n\n" + original("ivar.is@comcast.example"))
    msg = (f"From: staff@hotmail.example\nTo: fbl@{OUR}\nSubject: complaint about message from 192.0.2.10\nDate: {DATE}\n"
           f"Message-ID: <jmrp-1@hotmail.example>\nX-HmXmrOriginalRecipient: <jonna.jarl@hotmail.example>\nMIME-Version: 1.0\n"
           f"Content-Type: multipart/mixed; boundary=\"jmrp\"\n\n--jmrp\nContent-Type: text/plain\n\nThis is a complaint about a message from 192.0.2.10.\n\n"
           f"--jmrp\nContent-Type: message/rfc822\n\n{original('jonna.jarl@hotmail.example')}\n--jmrp--\n")
    write("jmrp", "microsoft", "COMPLAINT", None, msg)

    with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tmta\tverdict\trecipient\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(len(rows), "messages")


main()
