package io.loadout.adapters.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.testing.PartnerPeer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server standing in for the partners. */
class HttpPartnerFeedTest {

    private static final PartnerPeer PEER = new PartnerPeer();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final HttpPartnerFeed feed = new HttpPartnerFeed();

    @BeforeAll
    static void startPeer() {
        PEER.start();
    }

    @AfterAll
    static void stopPeer() {
        PEER.stop();
    }

    private static URI url(String path) {
        return URI.create(PartnerPeer.url(path));
    }

    @Test
    void theSheetIsItsBodyFetchedWithoutCredentials() throws Exception {
        PartnerPeer.answer(PartnerPeer.SHEET_PATH, 200, "text/csv", "asin,qty\nB000000001,3\n");

        byte[] csv = feed.buyingSheet(url(PartnerPeer.SHEET_PATH), TIMEOUT);

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("asin,qty\nB000000001,3\n");
        assertThat(PartnerPeer.requests()).last().isEqualTo("GET " + PartnerPeer.SHEET_PATH + " null");
    }

    @Test
    void aPublishedLinkThatRedirectsIsFollowed() throws Exception {
        PartnerPeer.answer(PartnerPeer.SHEET_PATH, 200, "text/csv", "moved here");
        PartnerPeer.redirect("/published/abc", PartnerPeer.url(PartnerPeer.SHEET_PATH));

        assertThat(new String(feed.buyingSheet(url("/published/abc"), TIMEOUT), StandardCharsets.UTF_8)).isEqualTo("moved here");
    }

    @Test
    void anyAnswerButA200FailsNamingTheStatusAndTheUrl() {
        PartnerPeer.answer(PartnerPeer.SHEET_PATH, 503, "text/plain", "down");

        assertThatThrownBy(() -> feed.buyingSheet(url(PartnerPeer.SHEET_PATH + "?key=secret"), TIMEOUT))
                .isInstanceOf(IOException.class)
                .hasMessage("GET 127.0.0.1" + PartnerPeer.SHEET_PATH + " answered 503");
    }

    @Test
    void theAutoFbaFeedIsFetchedWithTheBearerToken() throws Exception {
        PartnerPeer.answer(PartnerPeer.AUTOFBA_PATH, 200, "application/json", "{\"clients\":[]}");

        byte[] body = feed.autoFbaFeed(url(PartnerPeer.AUTOFBA_PATH), TIMEOUT, Optional.of(PartnerPeer.AUTOFBA_TOKEN));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"clients\":[]}");
        assertThat(PartnerPeer.requests()).last()
                .isEqualTo("GET " + PartnerPeer.AUTOFBA_PATH + " Bearer " + PartnerPeer.AUTOFBA_TOKEN);
    }

    @Test
    void aBlankTokenIsNotSent() {
        PartnerPeer.answer(PartnerPeer.AUTOFBA_PATH, 200, "application/json", "{}");

        assertThatThrownBy(() -> feed.autoFbaFeed(url(PartnerPeer.AUTOFBA_PATH), TIMEOUT, Optional.of(" ")))
                .hasMessageEndingWith("answered 401");
        assertThat(PartnerPeer.requests()).last().isEqualTo("GET " + PartnerPeer.AUTOFBA_PATH + " null");
    }
}
