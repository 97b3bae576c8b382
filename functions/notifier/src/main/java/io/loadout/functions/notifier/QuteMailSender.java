package io.loadout.functions.notifier;

import io.loadout.notification.MailSender;
import io.loadout.notification.OutgoingMail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders {@code templates/mail/<template>.html} (shipped with the domain, beside the policies naming them) with Qute and sends it with the Quarkus mailer (blocking). */
@ApplicationScoped
public class QuteMailSender implements MailSender {

    private final Mailer mailer;
    private final Engine qute;

    QuteMailSender(Mailer mailer, Engine qute) {
        this.mailer = mailer;
        this.qute = qute;
    }

    @Override
    public void send(OutgoingMail mail) {
        Template template = qute.getTemplate("mail/" + mail.template());
        if (template == null) {
            throw new IllegalArgumentException("no mail template " + mail.template());
        }
        var instance = template.instance();
        mail.data().forEach(instance::data);
        mailer.send(new Mail().setTo(mail.to()).setSubject(mail.subject()).setHtml(instance.render()));
    }
}
