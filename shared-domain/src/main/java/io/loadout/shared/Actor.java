package io.loadout.shared;

/** Who made a change, as the audit columns ({@code created_by}, {@code changed_by}) record it. */
public record Actor(String name) {

    /**
     * Whatever acts in its own name. The authenticated caller ({@code account.Caller}) is one: it implements this,
     * so that shared, which every package uses, depends on none of them.
     */
    public interface Source {
        Actor actor();
    }

    public static Actor of(Source source) {
        return source.actor();
    }

    public static Actor account(long accountId) {
        return new Actor("account:" + accountId);
    }

    public static Actor importJob(long jobId) {
        return new Actor("import:" + jobId);
    }

    public static Actor job(String jobName) {
        return new Actor("job:" + jobName);
    }
}
