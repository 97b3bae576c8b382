package io.loadout.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import java.util.Arrays;
import java.util.stream.Collectors;

/** India's GST slabs, written as the seed writes them: {@code GST-0} … {@code GST-28}. */
public enum GstRate implements Sql.Labelled {
    GST_0, GST_5, GST_12, GST_18, GST_28;

    @JsonValue
    @Override
    public String label() {
        return name().replace('_', '-');
    }

    @JsonCreator
    public static GstRate of(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(label.strip())).findFirst()
                .orElseThrow(() -> new DomainException.InvalidInput("gstRate", "must be one of "
                        + Arrays.stream(values()).map(GstRate::label).collect(Collectors.joining(", "))));
    }
}
