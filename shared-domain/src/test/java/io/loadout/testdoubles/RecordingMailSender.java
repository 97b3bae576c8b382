package io.loadout.testdoubles;

import io.loadout.notification.MailSender;
import io.loadout.notification.OutgoingMail;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@Singleton
public class RecordingMailSender implements MailSender {

    public final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public void send(OutgoingMail mail) {
        if (down) {
            throw new IllegalStateException("smtp down");
        }
        sent.add(mail);
    }
}
