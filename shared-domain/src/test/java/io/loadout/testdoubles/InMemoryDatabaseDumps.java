package io.loadout.testdoubles;

import io.loadout.backup.DatabaseDumps;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Dumps as names only: for the backup job's own rules (naming, retention). pg_dump itself is tested in adapters-jdk. */
@Singleton
public class InMemoryDatabaseDumps implements DatabaseDumps {

    public final Set<String> names = new ConcurrentSkipListSet<>();

    @Override
    public TakenDump take(String name) {
        names.add(name);
        return new TakenDump("memory:" + name, 1);
    }

    @Override
    public List<String> names() {
        return List.copyOf(names);
    }

    @Override
    public void delete(String name) {
        names.remove(name);
    }
}
