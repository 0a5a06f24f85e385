package org.chargingmanager.eichrecht.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's {@code Main-Class}. In OSGi the bundle imports the core API, Bouncy Castle and Gson; for
 * {@code java -jar} the bundle carries copies of the three under {@code META-INF/cli/lib/} (outside
 * the bundle class path, so OSGi never sees them). This class uses nothing but the JDK: it
 * copies those jars to a temporary directory and runs {@link VerifyCommand} in a class loader
 * over the bundle jar and them.
 */
public final class Launcher {

    private static final String[] LIBRARIES = {"org.chargingmanager.api.jar", "bcprov-jdk18on.jar", "gson.jar"};
    private static final String COMMAND = "org.chargingmanager.eichrecht.internal.cli.VerifyCommand";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (librariesVisible()) {
            VerifyCommand.main(args);
            return;
        }
        Path temporary = Files.createTempDirectory("chargingmanager-verify");
        try {
            List<URL> classPath = new ArrayList<>();
            classPath.add(Launcher.class.getProtectionDomain().getCodeSource().getLocation());
            for (String library : LIBRARIES) {
                Path copy = temporary.resolve(library);
                try (InputStream in = Launcher.class.getResourceAsStream("/META-INF/cli/lib/" + library)) {
                    if (in == null) {
                        throw new IOException("the jar does not contain META-INF/cli/lib/" + library);
                    }
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                classPath.add(copy.toUri().toURL());
            }
            int exitCode;
            try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader())) {
                Method run = loader.loadClass(COMMAND).getMethod("run", String[].class, InputStream.class,
                        java.io.PrintStream.class, java.io.PrintStream.class);
                try {
                    exitCode = (int) run.invoke(null, args, System.in, System.out, System.err);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                }
            }
            System.out.flush();
            deleteQuietly(temporary);
            System.exit(exitCode);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static boolean librariesVisible() {
        try {
            Class.forName("org.bouncycastle.crypto.signers.ECDSASigner", false, Launcher.class.getClassLoader());
            Class.forName("com.google.gson.JsonParser", false, Launcher.class.getClassLoader());
            Class.forName("org.chargingmanager.api.eichrecht.VerificationResult", false, Launcher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path directory) {
        for (String library : LIBRARIES) {
            try {
                Files.deleteIfExists(directory.resolve(library));
            } catch (IOException ignored) {
                // a temporary file; the OS cleans it up eventually
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // see above
        }
    }
}
