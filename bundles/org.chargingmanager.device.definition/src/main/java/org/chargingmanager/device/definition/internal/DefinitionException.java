package org.chargingmanager.device.definition.internal;

/** A definition file that cannot be used; the message says where and why, for the installer. */
final class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    DefinitionException(String message) {
        super(message);
    }
}
