package org.chargingmanager.eichrecht.internal.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed keys by their text and curve. Besides saving the parse, reusing the same point object
 * lets Bouncy Castle keep its precomputed multiples of it, which makes repeated verification with
 * one meter's key several times faster.
 */
public final class PublicKeyCache {

    private record Entry(EcPublicKey key, String error) {
    }

    private final Map<String, Entry> entries;

    public PublicKeyCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public EcPublicKey parse(String text, EcCurve curveHint) throws KeyFormatException {
        String cacheKey = (curveHint == null ? "" : curveHint.name()) + '|' + text;
        Entry entry;
        synchronized (entries) {
            entry = entries.get(cacheKey);
        }
        if (entry == null) {
            try {
                entry = new Entry(PublicKeyParser.parse(text, curveHint), null);
            } catch (KeyFormatException e) {
                entry = new Entry(null, e.getMessage());
            }
            synchronized (entries) {
                entries.put(cacheKey, entry);
            }
        }
        if (entry.error() != null) {
            throw new KeyFormatException(entry.error());
        }
        return entry.key();
    }
}
