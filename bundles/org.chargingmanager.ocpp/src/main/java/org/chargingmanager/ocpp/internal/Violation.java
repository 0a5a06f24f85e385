package org.chargingmanager.ocpp.internal;

import org.chargingmanager.ocpp.RpcErrorCode;

/**
 * A message breaks the specification. Thrown inside the codec only and always caught there;
 * the field path is built while the exception travels up through the nested records, so the
 * valid path costs nothing. No stack trace: it is an answer, not a bug.
 */
public final class Violation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RpcErrorCode code;
    private final String problem;
    private String path;

    public Violation(RpcErrorCode code, String problem) {
        super(null, null, false, false);
        this.code = code;
        this.problem = problem;
        this.path = "";
    }

    /** Prepends a field name ({@code "meterValue"}) or list index ({@code "[2]"}) to the path. */
    public Violation under(String segment) {
        if (path.isEmpty()) {
            path = segment;
        } else if (path.startsWith("[")) {
            path = segment + path;
        } else {
            path = segment + "." + path;
        }
        return this;
    }

    public RpcErrorCode code() {
        return code;
    }

    /** E.g. {@code chargePointVendor: longer than 20 characters}. */
    public String description() {
        return path.isEmpty() ? problem : path + ": " + problem;
    }

    @Override
    public String getMessage() {
        return code.wireValue() + " " + description();
    }
}
