package io.loadout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvAndPageTest {

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(Csv.line(Arrays.asList(1, "plain", null, "a,b", "say \"hi\"", "two\nlines")))
                .isEqualTo("1,plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    @Test
    void aPageKnowsWhetherMoreRowsFollow() {
        var request = PageRequest.of(null, 2);
        assertThat(Page.fromOverfetch(List.of(9L, 8L, 7L), request, Long::longValue))
                .isEqualTo(new Page<>(List.of(9L, 8L), 8L));
        assertThat(Page.fromOverfetch(List.of(9L, 8L), request, Long::longValue)).isEqualTo(new Page<>(List.of(9L, 8L), null));
    }

    @Test
    void pageRequestsAreBounded() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThatThrownBy(() -> PageRequest.of(null, 0)).isInstanceOf(DomainException.InvalidInput.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("limit");
        assertThatThrownBy(() -> PageRequest.of(null, 501)).isInstanceOf(DomainException.InvalidInput.class);
        assertThatThrownBy(() -> PageRequest.of(-1L, 10)).extracting(e -> ((DomainException) e).field()).isEqualTo("before");
    }
}
