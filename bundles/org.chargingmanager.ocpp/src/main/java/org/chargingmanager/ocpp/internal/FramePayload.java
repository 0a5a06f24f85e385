package org.chargingmanager.ocpp.internal;

/**
 * The payload of a valid OCPP-J frame as the exact text it was received in, so that it can be
 * forwarded byte for byte (signed meter values, vendor DataTransfer). Only call it on a frame
 * {@link FrameParser} accepted: it counts the top-level commas outside strings and returns what
 * follows the last of them up to the closing bracket, trimmed.
 */
public final class FramePayload {

    private FramePayload() {
    }

    /** The payload of a CALL {@code [2,"id","Action",{...}]}. */
    public static String ofCall(String frame) {
        return after(frame, 3);
    }

    /** The payload of a CALLRESULT {@code [3,"id",{...}]}. */
    public static String ofCallResult(String frame) {
        return after(frame, 2);
    }

    private static String after(String frame, int commas) {
        int depth = 0;
        int seen = 0;
        boolean inString = false;
        for (int i = 0; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '[', '{' -> depth++;
                case ']', '}' -> depth--;
                case ',' -> {
                    if (depth == 1 && ++seen == commas) {
                        int end = frame.lastIndexOf(']');
                        if (end <= i) {
                            throw new IllegalArgumentException("not a frame");
                        }
                        return frame.substring(i + 1, end).strip();
                    }
                }
                default -> {
                    // numbers, literals, white space
                }
            }
        }
        throw new IllegalArgumentException("the frame has fewer than " + (commas + 1) + " elements");
    }
}
