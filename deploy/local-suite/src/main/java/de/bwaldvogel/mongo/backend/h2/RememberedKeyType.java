package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * H2's {@link ObjectDataType} for the keys of unique indexes, which mongo-java-server stores as {@link KeyValue}s.
 * The plain type knows no order for them and compares two by serializing both (Java serialization) at every step of
 * every B-tree search: two objects per step of a binary search, some thirty for one lookup by {@code _id} among
 * 20,000 documents; in thread dumps of the stand-in under allocations it was in most samples not spent writing to
 * sockets. This type compares exactly as the plain one does
 * (the same serialized bytes, the same {@link ObjectDataType#compareNotNull}), so the order of existing files holds;
 * it only remembers the serialized form of the keys it met:
 * <ul>
 *   <li>the stored keys (the second argument of a search's comparison) by identity, in a bounded map cleared when
 *       full — a key object is never changed once built, and identity (not equality) keeps two equal keys with
 *       different bytes apart;</li>
 *   <li>the key being looked up (the first argument) in a one-entry memory per thread, as it is compared with many
 *       stored keys in a row and then never again.</li>
 * </ul>
 * Read and write are the plain type's, so the file format is unchanged.
 */
final class RememberedKeyType extends ObjectDataType {

    static final RememberedKeyType INSTANCE = new RememberedKeyType();

    /** About 100 bytes per key and its serialized form; a few MB for the stand-in's 128 MB heap. */
    private static final int MAX_REMEMBERED = 20_000;

    private record Identity(Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }

    private record Serialized(Object key, byte[] bytes) {
    }

    private final Map<Identity, byte[]> stored = new ConcurrentHashMap<>();
    private final ThreadLocal<Serialized> lookedUp = new ThreadLocal<>();

    private RememberedKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(lookedUpForm(a), storedForm(b));
        }
        return super.compare(a, b);
    }

    private byte[] lookedUpForm(Object key) {
        Serialized last = lookedUp.get();
        if (last != null && last.key() == key) {
            return last.bytes();
        }
        byte[] bytes = stored.get(new Identity(key));
        if (bytes == null) {
            bytes = serialize(key);
        }
        lookedUp.set(new Serialized(key, bytes));
        return bytes;
    }

    private byte[] storedForm(Object key) {
        Identity identity = new Identity(key);
        byte[] bytes = stored.get(identity);
        if (bytes == null) {
            if (stored.size() >= MAX_REMEMBERED) {
                stored.clear();
            }
            bytes = serialize(key);
            stored.put(identity, bytes);
        }
        return bytes;
    }
}
