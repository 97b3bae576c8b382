package io.loadout.shared;

import io.loadout.account.Caller;

/** Who made a change, as the audit columns ({@code created_by}, {@code changed_by}) record it. */
public record Actor(String name) {

    public static Actor of(Caller caller) {
        return new Actor("account:" + caller.accountId());
    }

    public static Actor importJob(long jobId) {
        return new Actor("import:" + jobId);
    }

    public static Actor job(String jobName) {
        return new Actor("job:" + jobName);
    }
}
