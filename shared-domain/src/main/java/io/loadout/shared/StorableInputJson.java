package io.loadout.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Every JSON body (requests, webhooks, events) is read by these rules, so nothing PostgreSQL cannot store gets
 * past the edge: text with NUL or unpaired surrogates and dates outside years 1–9999 are refused (see
 * {@link StorableValues}), and a fraction is never truncated into a whole-number field ({@code 1.999} is not id 1).
 * A refusal is a {@link JsonMappingException} carrying its path, so the problem+json names the field.
 */
@Singleton
public class StorableInputJson implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        // after Quarkus registers the java.time module, so these wrappers are the ones found first
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.registerModule(new SimpleModule("storable-input")
                .addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance,
                        StorableValues::textRefusal))
                .addDeserializer(Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT,
                        StorableValues::instantRefusal))
                .addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        StorableValues::dateRefusal))
                // a partner's local time with its offset (the storefront's updated_at)
                .addDeserializer(OffsetDateTime.class, new Checked<>(OffsetDateTime.class,
                        InstantDeserializer.OFFSET_DATE_TIME, at -> StorableValues.instantRefusal(at.toInstant()))));
    }

    /** Reads with the standard deserializer, then refuses what {@code refusal} names. */
    static final class Checked<T> extends StdDeserializer<T> implements ContextualDeserializer {
        private final JsonDeserializer<T> standard;
        private final Function<T, String> refusal;

        Checked(Class<T> type, JsonDeserializer<T> standard, Function<T, String> refusal) {
            super(type);
            this.standard = standard;
            this.refusal = refusal;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = standard.deserialize(parser, context);
            String why = value == null ? null : refusal.apply(value);
            if (why != null) {
                throw JsonMappingException.from(parser, why, new DomainException.InvalidInput(null, why));
            }
            return value;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (standard instanceof ContextualDeserializer contextual) {
                var specific = (JsonDeserializer<T>) contextual.createContextual(context, property);
                return specific == standard ? this : new Checked<>((Class<T>) handledType(), specific, refusal);
            }
            return this;
        }
    }
}
