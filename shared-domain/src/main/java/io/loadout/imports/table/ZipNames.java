package io.loadout.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The entry names of a zip read as a stream: keeps only the last {@value #TAIL} bytes, where the central
 * directory lives, and reads the names of its file headers ({@code PK 1 2}, name length at +28, name at +46).
 */
final class ZipNames {

    static final int TAIL = 1 << 20;

    private ZipNames() {
    }

    static Set<String> read(InputStream stream) throws IOException {
        byte[] ring = new byte[TAIL];
        long total = 0;
        try (var in = stream) {
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    ring[(int) ((total + i) % TAIL)] = chunk[i];
                }
                total += n;
            }
        }
        int length = (int) Math.min(total, TAIL);
        byte[] tail = new byte[length];
        for (int i = 0; i < length; i++) {
            tail[i] = ring[(int) ((total - length + i) % TAIL)];
        }
        var names = new HashSet<String>();
        for (int i = 0; i + 46 <= length; i++) {
            if (tail[i] == 'P' && tail[i + 1] == 'K' && tail[i + 2] == 1 && tail[i + 3] == 2) {
                int nameLength = (tail[i + 28] & 0xFF) | (tail[i + 29] & 0xFF) << 8;
                if (i + 46 + nameLength <= length) {
                    names.add(new String(tail, i + 46, nameLength, StandardCharsets.UTF_8));
                }
            }
        }
        return names;
    }
}
