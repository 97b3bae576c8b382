package io.loadout.jobs;

/** A scheduled unit of work, named as in the schedule config. Manages its own transactions. */
public interface Job {

    String name();

    JobOutcome run() throws Exception;

    record JobOutcome(int itemsProcessed, String detail) {
    }
}
