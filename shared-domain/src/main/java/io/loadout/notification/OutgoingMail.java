package io.loadout.notification;

import java.util.List;
import java.util.Map;

/** A mail to send: the adapter renders {@code template} with {@code data}. */
public record OutgoingMail(List<String> to, String subject, String template, Map<String, Object> data) {

    public OutgoingMail {
        to = List.copyOf(to);
        data = Map.copyOf(data);
    }
}
