package org.vaetexture.macro;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ij.IJ;
import ij.Menus;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;
import org.vaetexture.PluginClassLoader;
import org.vaetexture.model.Backend;

/**
 * Lets plain ImageJ 1.x run {@code run("Novelty Heatmap", "model=[...]")} and its own built-in
 * commands in a macro, headless. ImageJ builds its command table together with its AWT menus, so a
 * headless JVM has none and {@code run(...)} fails; this class fills that table (the private static
 * {@code Menus.pluginsTable}, the narrow seam this bridge depends on) with ImageJ's built-in
 * commands from {@code IJ_Props.txt} (shortcuts stripped from their labels) and
 * {@code ij-menu-commands.txt} (those {@code ij.Menus} adds in code) and with every SciJava command under Plugins > VAE Texture,
 * labelled with its menu leaf as Fiji does. Those run through {@link CommandPlugIn}.
 */
public final class MacroBridge {

	/** Lines of IJ_Props.txt that declare a menu command: key="Label",class[("arg")]. */
	private static final Pattern COMMAND = Pattern.compile("^[a-z_]+\\d+=\"([^\"]+)\",(.+)$");
	/** A keyboard shortcut at the end of a label, "Select All[a]": not part of the command's name. */
	private static final Pattern SHORTCUT = Pattern.compile("\\[[^\\]]+\\]$");
	private static Context context;

	private MacroBridge() {}

	/** The SciJava context the bridged commands run in (made on first use). */
	static synchronized Context context() {
		if (context == null) {
			// ImageJ 1.x's threads have another context class loader: start ND4J and SciJava under ours
			context = PluginClassLoader.call(() -> {
				Backend.start();
				return new Context(CommandService.class, ModuleService.class, StatusService.class,
					LogService.class, ConvertService.class);
			});
			// a failed command's message aborts the macro and reaches its caller (the command line
			// prints it as its one error line); logged as well, it would be printed twice
			context.service(LogService.class).setLevel("org.vaetexture.fiji", LogLevel.NONE);
		}
		return context;
	}

	/** Fills ImageJ's command table once; later calls do nothing. */
	@SuppressWarnings("unchecked")
	public static synchronized void install() {
		final Hashtable<String, String> table = commandTable();
		if (table.containsKey("Novelty Heatmap")) return;
		for (final String line : lines(IJ.class, "/IJ_Props.txt")) {
			final Matcher m = COMMAND.matcher(line.trim());
			if (m.matches()) table.putIfAbsent(SHORTCUT.matcher(m.group(1)).replaceFirst(""), m.group(2));
		}
		for (final String line : lines(MacroBridge.class, "ij-menu-commands.txt")) {
			final int eq = line.indexOf('=');
			if (!line.startsWith("#") && eq > 0) table.putIfAbsent(line.substring(0, eq), line.substring(
				eq + 1));
		}
		for (final CommandInfo info : context().service(CommandService.class).getCommands()) {
			if (info.getMenuPath() == null || info.getMenuPath().size() != 3 || !"VAE Texture".equals(
				info.getMenuPath().get(1).getName())) continue;
			table.put(info.getMenuPath().getLeaf().getName(), CommandPlugIn.class.getName() + "(\"" + info
				.getClassName() + "\")");
		}
	}

	private static List<String> lines(final Class<?> owner, final String resource) {
		try (InputStream in = owner.getResourceAsStream(resource);
				BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
		{
			return r.lines().collect(Collectors.toList());
		}
		catch (final IOException | NullPointerException e) {
			throw new IllegalStateException("cannot read " + resource + " of " + owner.getName(), e);
		}
	}

	@SuppressWarnings("unchecked")
	private static Hashtable<String, String> commandTable() {
		try {
			final Field field = Menus.class.getDeclaredField("pluginsTable");
			field.setAccessible(true);
			Hashtable<String, String> table = (Hashtable<String, String>) field.get(null);
			if (table == null) {
				table = new Hashtable<>();
				field.set(null, table);
			}
			return table;
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException("this ImageJ " + IJ.getVersion() +
				" keeps its command table elsewhere; the macro bridge needs updating", e);
		}
	}
}
