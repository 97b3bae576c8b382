package io.loadout.allocation;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: what the partners publish for us to pull. Both answers are the document as it is now; anything but a
 * complete answer fails with an {@link IOException} naming what went wrong, which fails the calling job.
 */
public interface PartnerFeed {

    /** The buying sheet's published CSV export. */
    byte[] buyingSheet(URI url, Duration timeout) throws IOException, InterruptedException;

    /** The AutoFBA panel's feed (the webhook's JSON contract), authenticated by the token when one is set. */
    byte[] autoFbaFeed(URI url, Duration timeout, Optional<String> token) throws IOException, InterruptedException;
}
