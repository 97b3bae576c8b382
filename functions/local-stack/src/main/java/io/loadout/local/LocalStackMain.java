package io.loadout.local;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Locks the var folder (one stack per folder), starts the embedded PostgreSQL (unless LOADOUT_DB_URL points
 * elsewhere), then the application. Mail is logged unless an SMTP server is named (LOADOUT_SMTP_HOST), in which case
 * it is sent there.
 */
@QuarkusMain
public class LocalStackMain {

    public static void main(String... args) {
        Instant startedAt = Instant.now();
        Path varDir = Path.of(EmbeddedDatabase.env("LOADOUT_VAR", "var"));
        VarFolderLock.acquire(varDir);
        EmbeddedDatabase.startUnlessConfigured(varDir, startedAt);
        if (System.getenv("LOADOUT_SMTP_HOST") != null && System.getenv("LOADOUT_MAIL_LOG_ONLY") == null) {
            System.setProperty("quarkus.mailer.mock", "false");
        }
        Quarkus.run(args);
    }
}
