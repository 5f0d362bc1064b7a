package org.vaetexture.macro;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.gui.GenericDialog;

import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;

/**
 * The dialog plain ImageJ 1.x shows when a user picks a VAE Texture command from the menu: one field
 * per option, starting from the command's defaults, a file chooser for files. Each label begins with
 * the option's macro key ({@code Tile_size}), so ImageJ's macro recorder records
 * {@code run("Train VAE", "model=[...] tile_size=32 ...")}, the same call a macro makes.
 */
final class CommandDialog {

	private CommandDialog() {}

	/**
	 * Shows the dialog.
	 *
	 * @return the values the user chose, by option name; null if the dialog was cancelled
	 * @throws IllegalArgumentException naming an option whose value is not of its type
	 * @throws ModuleException if the command cannot be made to read its defaults
	 */
	static Map<String, Object> ask(final CommandInfo info, final List<ModuleItem<?>> options)
		throws ModuleException
	{
		final Module defaults = info.createModule();
		final GenericDialog dialog = new GenericDialog(info.getTitle());
		for (final ModuleItem<?> item : options) {
			final String label = label(item);
			final Object value = defaults.getInput(item.getName());
			final Class<?> type = item.getType();
			if (type == File.class) dialog.addFileField(label, value == null ? "" : value.toString());
			else if (type == boolean.class || type == Boolean.class) dialog.addCheckbox(label,
				Boolean.TRUE.equals(value));
			else if (isNumber(type)) dialog.addNumericField(label, ((Number) value).doubleValue(),
				isInteger(type) ? 0 : 3, 8, hint(item));
			else dialog.addStringField(label, value == null ? "" : value.toString(), 20);
		}
		dialog.showDialog();
		if (dialog.wasCanceled()) return null;
		final Map<String, Object> values = new HashMap<>();
		for (final ModuleItem<?> item : options) {
			final Class<?> type = item.getType();
			final Object value;
			if (type == File.class) {
				final String path = dialog.getNextString().trim();
				value = path.isEmpty() ? null : new File(path);
			}
			else if (type == boolean.class || type == Boolean.class) value = dialog.getNextBoolean();
			else if (isNumber(type)) value = number(item, dialog.getNextNumber());
			else value = dialog.getNextString();
			if (value != null) values.put(item.getName(), value);
		}
		IJ.showStatus("");
		return values;
	}

	/** The option's macro key with a capital: {@code tile_size} is shown as {@code Tile_size}. */
	private static String label(final ModuleItem<?> item) {
		final String key = item.getName();
		return Character.toUpperCase(key.charAt(0)) + key.substring(1);
	}

	/** The command's own label beside a field, where it says more than the key ("0 = a grid"). */
	private static String hint(final ModuleItem<?> item) {
		final String label = item.getLabel();
		return label == null || label.equalsIgnoreCase(item.getName().replace('_', ' ')) ? "" : label;
	}

	private static boolean isNumber(final Class<?> type) {
		return isInteger(type) || type == double.class || type == Double.class || type == float.class ||
			type == Float.class;
	}

	private static boolean isInteger(final Class<?> type) {
		return type == int.class || type == Integer.class || type == long.class || type == Long.class;
	}

	private static Object number(final ModuleItem<?> item, final double v) {
		final Class<?> type = item.getType();
		if (!isInteger(type)) return type == float.class || type == Float.class ? (Object) (float) v
			: (Object) v;
		if (Double.isNaN(v) || v != Math.rint(v)) throw new IllegalArgumentException(item.getName() +
			" must be a whole number, got " + v);
		return type == long.class || type == Long.class ? (Object) (long) v : (Object) (int) v;
	}
}
