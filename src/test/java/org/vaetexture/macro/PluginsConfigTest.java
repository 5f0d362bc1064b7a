package org.vaetexture.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.vaetexture.PluginClassLoader;

/**
 * ImageJ 1.x's menu entries ({@code plugins.config} in the plugin jar) are exactly the SciJava
 * commands under Plugins > VAE Texture, with the same labels, each run through {@link CommandPlugIn};
 * and the bridge's SciJava context starts under a foreign context class loader, as in ImageJ 1.x.
 */
class PluginsConfigTest {

	private static final Pattern ENTRY = Pattern.compile(
		"^Plugins>VAE Texture, \"([^\"]+)\", ([\\w.$]+)\\(\"([\\w.$]+)\"\\)$");

	@Test
	void listsEverySciJavaCommandWithItsLabel() throws IOException {
		final Set<String> expected = new TreeSet<>();
		final PluginIndex index = new PluginIndex();
		index.discover();
		for (final PluginInfo<?> info : index.getPlugins(Command.class)) {
			final String path = info.getMenuPath() == null ? "" : info.getMenuPath().getMenuString();
			if (!path.startsWith("Plugins > VAE Texture > ")) continue;
			expected.add(entry(info.getMenuPath().getLeaf().getName(), info.getClassName()));
		}
		assertTrue(expected.size() >= 10, "the commands were not found: " + expected);
		final Set<String> listed = new TreeSet<>();
		try (InputStream in = getClass().getResourceAsStream("/plugins.config")) {
			assertNotNull(in, "no plugins.config at the root of the plugin jar");
			final BufferedReader r = new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8));
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				if (line.trim().isEmpty() || line.startsWith("#")) continue;
				final Matcher m = ENTRY.matcher(line);
				assertTrue(m.matches(), "not a Plugins>VAE Texture entry run by CommandPlugIn: " + line);
				assertEquals(CommandPlugIn.class.getName(), m.group(2), line);
				listed.add(line);
			}
		}
		assertEquals(expected, listed,
			"src/main/resources/plugins.config must list exactly these lines (one per SciJava command)");
	}

	@Test
	void bridgeContextStartsUnderAForeignContextClassLoader() {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		// a context class loader that sees nothing of the plugin, as ImageJ 1.x's threads have
		final ClassLoader foreign = new URLClassLoader(new URL[0], null);
		thread.setContextClassLoader(foreign);
		try {
			final Context context = PluginClassLoader.call(() -> {
				assertSame(PluginClassLoader.class.getClassLoader(), thread.getContextClassLoader());
				return new Context(CommandService.class);
			});
			try {
				assertNotNull(context.service(CommandService.class).getCommand(
					"org.vaetexture.fiji.TrainVaeCommand"));
			}
			finally {
				context.dispose();
			}
			assertSame(foreign, thread.getContextClassLoader(), "the context class loader is restored");
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static String entry(final String label, final String className) {
		return "Plugins>VAE Texture, \"" + label + "\", " + CommandPlugIn.class.getName() + "(\"" +
			className + "\")";
	}
}
