package org.cyclecolor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The suite's version, filtered into a resource at build time. */
public final class Version {

	private static final String VERSION = load();

	private Version() {}

	public static String get() {
		return VERSION;
	}

	private static String load() {
		try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
			if (in == null) return "unknown";
			Properties p = new Properties();
			p.load(in);
			String v = p.getProperty("version", "unknown");
			return v.startsWith("${") ? "unknown" : v;
		}
		catch (IOException e) {
			return "unknown";
		}
	}
}
