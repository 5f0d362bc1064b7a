package org.vaetexture.macro;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.util.Types;
import org.vaetexture.image.ImageWriter;

/**
 * An ImageJ 1.x command that runs a SciJava command (its argument) from a macro or from plain
 * ImageJ's menu: the current image fills the ImagePlus input, the macro's options fill the others
 * (keys = field names) - or, without options and with a screen, a {@link CommandDialog} - and each
 * image output is shown as an image titled with its name (with the input's calibration when it has
 * the input's size), for the macro to select and save. A failed or cancelled command aborts the
 * macro with its message (an error dialog when no macro runs).
 */
public final class CommandPlugIn implements PlugIn {

	private static volatile String lastError;

	/** The message of the last command that failed in a macro, or null; reading clears it. */
	public static String takeLastError() {
		final String e = lastError;
		lastError = null;
		return e;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void run(final String commandClass) {
		final CommandService commands = MacroBridge.context().service(CommandService.class);
		final CommandInfo info = commands.getCommand(commandClass);
		final String options = Macro.getOptions();
		final ImagePlus current = WindowManager.getCurrentImage();
		final Map<String, Object> inputs = new HashMap<>();
		final List<ModuleItem<?>> optionItems = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			final Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type) || type == Context.class) continue;
			if (type == ImagePlus.class) {
				if (current == null) throw abort("no image is open; open or select an image before running " +
					info.getTitle());
				inputs.put(item.getName(), current);
				continue;
			}
			optionItems.add(item);
		}
		final boolean dialog = options == null && !GraphicsEnvironment.isHeadless();
		if (dialog) {
			final Map<String, Object> chosen;
			try {
				chosen = CommandDialog.ask(info, optionItems);
			}
			catch (final IllegalArgumentException | ModuleException e) {
				throw abort(info.getTitle() + ": " + e.getMessage());
			}
			if (chosen == null) return;
			inputs.putAll(chosen);
		}
		else inputs.putAll(parse(options, info, optionItems));
		final CommandModule module;
		try {
			module = commands.run(info, true, inputs).get();
		}
		catch (final Exception e) {
			throw abort(info.getTitle() + " failed: " + e);
		}
		if (module.isCanceled()) throw abort(module.getCancelReason());
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = module.getOutput(item.getName());
			if (!(value instanceof RandomAccessibleInterval)) continue;
			final RandomAccessibleInterval<?> img = (RandomAccessibleInterval<?>) value;
			final ImagePlus shown;
			if (Views.flatIterable(img).firstElement() instanceof RealType && !(Views.flatIterable(img)
				.firstElement() instanceof UnsignedByteType))
			{
				// X, Y[, C], N: a third axis becomes the slices of a stack, a fourth the planes of channels
				final int channels = img.numDimensions() == 4 ? (int) img.dimension(2) : 1;
				shown = ImageWriter.toImagePlus((RandomAccessibleInterval<? extends RealType<?>>) img,
					channels, null, item.getName());
			}
			else shown = ImageWriter.toImagePlus(img, item.getName());
			if (current != null && shown.getWidth() == current.getWidth() && shown.getHeight() == current
				.getHeight()) shown.setCalibration(current.getCalibration());
			shown.show();
		}
		if (dialog) showOtherOutputs(info, module);
	}

	/** The macro options as the command's inputs: every key known, every value of its type. */
	private static Map<String, Object> parse(final String options, final CommandInfo info,
		final List<ModuleItem<?>> optionItems)
	{
		final Set<String> known = new TreeSet<>();
		for (final ModuleItem<?> item : optionItems)
			known.add(item.getName());
		for (final String key : keys(options))
			if (!known.contains(key)) throw abort("unknown option '" + key + "' for " + info.getTitle() +
				"; it takes " + String.join(", ", known));
		final ConvertService convert = MacroBridge.context().service(ConvertService.class);
		final Map<String, Object> inputs = new HashMap<>();
		final List<String> given = keys(options);
		for (final ModuleItem<?> item : optionItems) {
			String value = options == null ? null : Macro.getValue(options, item.getName(), null);
			// a ticked checkbox is recorded as its bare key ("... explain"), as ImageJ's dialogs do
			if (value == null && Types.box(item.getType()) == Boolean.class && given.contains(item
				.getName())) value = "true";
			if (value == null) continue;
			// to the boxed type: converting "abc" to a primitive int gives 0, to Integer null
			final Object parsed = convert.convert(value, Types.box(item.getType()));
			if (parsed == null) throw abort("option " + item.getName() + "=" + value + " of " + info
				.getTitle() + " is not a valid " + item.getType().getSimpleName());
			inputs.put(item.getName(), parsed);
		}
		return inputs;
	}

	/**
	 * For a user who chose the command from the menu: its other outputs too, a plot (Train VAE's loss
	 * curve) as a window, text (the model's path, the loss history) in the Log window.
	 */
	private static void showOtherOutputs(final CommandInfo info, final CommandModule module) {
		for (final ModuleItem<?> item : info.outputs()) {
			final Object value = module.getOutput(item.getName());
			if (value instanceof ImagePlus) ((ImagePlus) value).show();
			else if (value instanceof String) IJ.log(info.getTitle() + " " + item.getName() + ":\n" +
				value);
		}
	}

	/** The keys of macro options such as {@code model=[/a b/m.zip] seed=3 flag}. */
	static List<String> keys(final String options) {
		final List<String> keys = new ArrayList<>();
		if (options == null) return keys;
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile(
			"([\\w.]+)(?:=(?:\\[[^\\]]*\\]|\\S*))?").matcher(options);
		while (m.find())
			keys.add(m.group(1));
		return keys;
	}

	/**
	 * Records the message and stops the macro that called the command, or, for a user who chose it
	 * from the menu, shows the message in an error dialog; the returned exception, ImageJ's "Macro
	 * canceled" (which ImageJ ends a command with silently), is for the caller to throw.
	 */
	private static RuntimeException abort(final String message) {
		lastError = message;
		final Interpreter interpreter = Interpreter.getInstance();
		if (interpreter != null) interpreter.abortMacro();
		else if (!GraphicsEnvironment.isHeadless()) IJ.error("VAE Texture", message);
		return new RuntimeException(Macro.MACRO_CANCELED);
	}
}
