package io.loadout.imports;

import io.loadout.jobs.Job;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code import-sweep}: re-runs import jobs whose attempt died (no sign of life within the lease, or RECEIVED and
 * never claimed), and fails those that used up their attempts. The local stack also runs it on start.
 */
@ApplicationScoped
public class ImportSweepJob implements Job {

    private final ImportService imports;

    ImportSweepJob(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public String name() {
        return "import-sweep";
    }

    @Override
    public JobOutcome run() {
        var sweep = imports.takeOverAbandoned();
        return new JobOutcome(sweep.found(), "abandoned " + sweep.found() + ": " + sweep.processed() + " imported, "
                + sweep.gaveUp() + " given up, " + sweep.alreadyTaken() + " taken meanwhile");
    }
}
