package org.chargingmanager.gridsignal.internal.input;

/** What the contacts of an input mean. */
public enum Template {
    /** §14a EnWG control box: one contact; active ⇒ each controllable charging point is capped (W). */
    P14A("P14A", "W", 1, "§14a control box"),
    /** Ripple-control receiver: contacts for 0 / 30 / 60 %; none active ⇒ 100 %; the lowest active level wins. */
    RIPPLE("RIPPLE", "%", 3, "ripple control"),
    /** One contact with two values of its own. */
    CUSTOM("", "", 1, "contact input");

    private final String defaultVariable;
    private final String defaultUnit;
    private final int defaultContacts;
    private final String kind;

    Template(String defaultVariable, String defaultUnit, int defaultContacts, String kind) {
        this.defaultVariable = defaultVariable;
        this.defaultUnit = defaultUnit;
        this.defaultContacts = defaultContacts;
        this.kind = kind;
    }

    String defaultVariable() {
        return defaultVariable;
    }

    String defaultUnit() {
        return defaultUnit;
    }

    int defaultContacts() {
        return defaultContacts;
    }

    String kind() {
        return kind;
    }
}
