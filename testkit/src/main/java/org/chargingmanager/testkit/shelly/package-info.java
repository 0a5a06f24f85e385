/** A Shelly Pro 3EM / Pro EM HTTP RPC simulator with digest authentication. */
package org.chargingmanager.testkit.shelly;
