package org.vaetexture;

import java.util.function.Supplier;

/**
 * Runs code with the plugin's own class loader as the thread's context class loader. SciJava finds
 * its services and ND4J its backend through that loader; in plain ImageJ 1.x and in Fiji, which load
 * plugins with class loaders of their own, the context class loader of a menu or macro thread may
 * not see them ("No compatible service", no ND4J backend).
 */
public final class PluginClassLoader {

	private PluginClassLoader() {}

	/** The result of {@code work}, run with this plugin's class loader as the context class loader. */
	public static <T> T call(final Supplier<T> work) {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(PluginClassLoader.class.getClassLoader());
		try {
			return work.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
