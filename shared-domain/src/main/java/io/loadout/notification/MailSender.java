package io.loadout.notification;

/** Port: renders and sends a mail. Throws if the mail server did not take it. */
public interface MailSender {

    void send(OutgoingMail mail);
}
