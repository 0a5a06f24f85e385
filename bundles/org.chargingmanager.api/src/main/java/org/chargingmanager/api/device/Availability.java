package org.chargingmanager.api.device;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether a polled device answers, kept so that a driver logs one line per change and not one per poll: the answers
 * of {@link #answered()}, {@link #failed(String)} and {@link #firstReport(String)} say what is worth a line. Logs
 * nothing itself. Not thread safe; one driver thread owns it.
 */
public final class Availability {

    /** The most problems {@link #firstReport} reports between two outages; the rest are only counted as seen. */
    public static final int MAX_REPORTED_PROBLEMS = 20;

    private boolean online;
    private String lastProblem;
    private final Set<String> reported = new HashSet<>();

    /**
     * The device answered.
     *
     * @return true if it was offline with a problem before: worth an "answers again" line
     */
    public boolean answered() {
        boolean back = !online && lastProblem != null;
        online = true;
        lastProblem = null;
        return back;
    }

    /**
     * The device did not answer, or not properly. Problems reported so far may be reported again after it is back.
     *
     * @return true if this is news (it was online, or this is the first problem ever): worth an "offline" line;
     *         false while it stays offline
     */
    public boolean failed(String problem) {
        boolean news = online || lastProblem == null;
        online = false;
        lastProblem = problem;
        reported.clear();
        return news;
    }

    /**
     * A problem with what the device sends (an odd value, a refused write) that does not make it offline.
     *
     * @return true the first time such a problem is seen since the last outage (numbers in it do not count, so
     *         "17 A" and "18 A" are one problem), at most {@link #MAX_REPORTED_PROBLEMS} of them
     */
    public boolean firstReport(String problem) {
        return reported.size() < MAX_REPORTED_PROBLEMS && reported.add(problem.replaceAll("[0-9.]+", "#"));
    }

    public boolean online() {
        return online;
    }

    /** The last problem while offline; null while online or before the first answer. */
    public String lastProblem() {
        return lastProblem;
    }
}
