package io.loadout.alert;

public enum AlertSeverity { INFO, WARNING, CRITICAL }
