package io.loadout.jobs;

public enum JobRunStatus { RUNNING, SUCCEEDED, FAILED }
