package io.loadout.adapters.jdk;

import java.net.URI;

/** host, port and database of a {@code jdbc:postgresql://host:port/db?…} URL, as pg_dump wants them. */
record DatabaseTarget(String host, int port, String database) {

    static DatabaseTarget fromJdbcUrl(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/db URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath();
        if (uri.getHost() == null || path == null || path.length() < 2) {
            throw new IllegalArgumentException("cannot read host and database from " + jdbcUrl);
        }
        return new DatabaseTarget(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path.substring(1));
    }
}
