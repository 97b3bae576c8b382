package io.loadout.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An event's payload written by SQL, for set-based writers that record many events in one statement: the JSON keys
 * are the properties Jackson writes for the event record ({@link Outbox#append} serializes it the same way), each
 * taken from the source row's column of the same name in snake_case ({@code priceId} from {@code price_id}). So the
 * record is the payload's only definition: a component added or renamed there changes the SQL too, and a row that
 * lacks the column makes the statement fail instead of writing a different payload.
 */
public final class EventPayloadSql {

    private EventPayloadSql() {
    }

    /** The payload's JSON keys, as Jackson writes {@code type} (an event or an entry of one). */
    public static List<String> keys(ObjectMapper json, Class<? extends Record> type) {
        return json.getSerializationConfig().introspect(json.constructType(type)).findProperties().stream()
                .filter(BeanPropertyDefinition::couldSerialize)
                .map(BeanPropertyDefinition::getName)
                .sorted()
                .toList();
    }

    /** A {@code jsonb_build_object(…)} of {@code type}'s payload over the columns of row {@code alias}. */
    public static String jsonb(ObjectMapper json, Class<? extends Record> type, String alias) {
        return keys(json, type).stream()
                .map(key -> "'" + key + "', " + alias + "." + column(key))
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
    }

    /** {@code priceId} → {@code price_id}. */
    static String column(String key) {
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("payload key " + key + " has no column name");
        }
        return key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
