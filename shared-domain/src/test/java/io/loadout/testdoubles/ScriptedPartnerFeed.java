package io.loadout.testdoubles;

import io.loadout.allocation.PartnerFeed;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers what a test scripts, for the pull jobs' own rules (change detection, applying the feed). HTTP itself —
 * statuses, redirects, the bearer header — is tested against a real server in adapters-jdk and the jobs function.
 */
@Singleton
public class ScriptedPartnerFeed implements PartnerFeed {

    private volatile Object sheet = new IOException("no sheet scripted");
    private volatile Object autoFba = new IOException("no AutoFBA feed scripted");
    /** "sheet url" or "autofba url token" of every fetch. */
    public final List<String> fetches = new CopyOnWriteArrayList<>();

    public void sheet(String csv) {
        sheet = csv;
    }

    public void autoFba(String json) {
        autoFba = json;
    }

    public void sheetFails(IOException failure) {
        sheet = failure;
    }

    @Override
    public byte[] buyingSheet(URI url, Duration timeout) throws IOException {
        fetches.add("sheet " + url);
        return answer(sheet);
    }

    @Override
    public byte[] autoFbaFeed(URI url, Duration timeout, Optional<String> token) throws IOException {
        fetches.add("autofba " + url + " " + token.orElse("-"));
        return answer(autoFba);
    }

    private static byte[] answer(Object scripted) throws IOException {
        if (scripted instanceof IOException failure) {
            throw failure;
        }
        return ((String) scripted).getBytes(StandardCharsets.UTF_8);
    }
}
