package io.loadout.testdoubles;

import io.loadout.storage.BlobStore;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@Singleton
public class InMemoryBlobStore implements BlobStore {

    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    /** Generations of the objects put with one; an object without is read as any generation. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    public void put(String name, String content) {
        objects.put(name, content.getBytes(StandardCharsets.UTF_8));
        generations.remove(name);
    }

    public void put(String name, String content, long generation) {
        put(name, content);
        generations.put(name, generation);
    }

    public String text(String name) {
        byte[] bytes = objects.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public InputStream open(String name) throws FileNotFoundException {
        byte[] bytes = objects.get(name);
        if (bytes == null) {
            throw new FileNotFoundException(name);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public InputStream open(String name, long generation) throws IOException {
        Long current = generations.get(name);
        if (!objects.containsKey(name) || (current != null && current != generation)) {
            throw new GenerationGone(name, generation, objects.containsKey(name) ? current : null);
        }
        return open(name);
    }

    @Override
    public void write(String name, byte[] content, String contentType) {
        objects.put(name, content.clone());
    }

    @Override
    public void delete(String name) {
        objects.remove(name);
        generations.remove(name);
    }

    @Override
    public boolean exists(String name) {
        return objects.containsKey(name);
    }
}
