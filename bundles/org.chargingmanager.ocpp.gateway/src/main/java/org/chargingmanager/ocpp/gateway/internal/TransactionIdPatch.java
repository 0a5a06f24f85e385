package org.chargingmanager.ocpp.gateway.internal;

/**
 * Replaces the number of the top-level {@code "transactionId"} of a JSON payload and leaves every
 * other byte as it is: the charge point's MeterValues and StopTransaction reach the backend with
 * the backend's transaction ID and their signed data untouched.
 */
final class TransactionIdPatch {

    private TransactionIdPatch() {
    }

    /** @throws IllegalArgumentException when the payload has no top-level transactionId number */
    static String replace(String payloadJson, int transactionId) {
        int depth = 0;
        int i = 0;
        int length = payloadJson.length();
        while (i < length) {
            char c = payloadJson.charAt(i);
            if (c == '"') {
                int end = endOfString(payloadJson, i);
                if (depth == 1 && payloadJson.startsWith("\"transactionId\"", i) && end == i + 14) {
                    int colon = skipSpace(payloadJson, end + 1);
                    if (colon < length && payloadJson.charAt(colon) == ':') {
                        int start = skipSpace(payloadJson, colon + 1);
                        int stop = start;
                        while (stop < length && "+-0123456789.eE".indexOf(payloadJson.charAt(stop)) >= 0) {
                            stop++;
                        }
                        if (stop == start) {
                            throw new IllegalArgumentException("transactionId is not a number");
                        }
                        return payloadJson.substring(0, start) + transactionId + payloadJson.substring(stop);
                    }
                }
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            i++;
        }
        throw new IllegalArgumentException("no transactionId in the payload");
    }

    private static int endOfString(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated string");
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
